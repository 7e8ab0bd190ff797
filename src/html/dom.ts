/**
 * The few DOM calls the HTML reader makes, typed here because the project compiles without the browser's DOM
 * types. linkedom's documents (and jsdom's) have them all.
 */

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  remove(): void;
}

export interface DomDocument extends DomNode {
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

const ELEMENT_NODE = 1;

/** Every element below `root` in document order (not `root` itself), walked without recursion. */
export function* elementsUnder(root: DomNode): Generator<DomElement> {
  let node: DomNode | null = root.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE) yield node as DomElement;
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
}

/**
 * Removes every element below `root` for which `remove` holds, in document order; what is inside a removed
 * element is not looked at (it is gone with it). One walk instead of a selector query: linkedom matches a
 * selector by compiling it and walking the whole tree on every call.
 */
export function removeWhere(root: DomNode, remove: (el: DomElement, tag: string) => boolean): void {
  let node: DomNode | null = root.firstChild;
  while (node) {
    let next: DomNode | null;
    if (node.nodeType === ELEMENT_NODE && remove(node as DomElement, node.nodeName.toLowerCase())) {
      next = node;
      // The next node after this one's subtree, found before it is detached.
      while (next && next !== root && !next.nextSibling) next = next.parentNode;
      next = next && next !== root ? next.nextSibling : null;
      (node as DomElement).remove();
    } else if (node.firstChild) {
      next = node.firstChild;
    } else {
      next = node;
      while (next && next !== root && !next.nextSibling) next = next.parentNode;
      next = next && next !== root ? next.nextSibling : null;
    }
    node = next;
  }
}

/** The document's body element, if any. */
export function bodyOf(doc: DomDocument): DomElement | null {
  const html = doc.documentElement;
  for (let n = html?.firstChild ?? null; n; n = n.nextSibling) if (n.nodeName.toLowerCase() === "body") return n as DomElement;
  return null;
}
