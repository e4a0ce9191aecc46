// What the accessibility suite measures inside the page. `installProbe` is handed to `context.addInitScript`, so it
// runs in every document before the page's own scripts: it must stay self-contained (no imports, no outer names).

/** A short, readable name for an element in a failure report: tag#id.class «text». */
export type Describe = (el: Element | null) => string;

export interface FocusStep {
  /** Index of the focused element in `tabbables()`, or -1 when it is not one of them (or nothing is focused). */
  index: number;
  element: string;
  /** Focus is on <body>/<html> or nowhere: the walk left the page. */
  left: boolean;
  problems: string[];
}

export interface Probe {
  describe: Describe;
  /** CSP violations reported in this document so far. */
  cspViolations: string[];
  /** The elements a keyboard user must be able to reach with Tab, in document order, described. */
  tabbables(): string[];
  /** Checks the focused element after a key press: visible focus indicator, on screen, not covered. */
  focusStep(): FocusStep;
  /** Content that sticks out sideways or is clipped, at the current viewport and text size. */
  overflow(): string[];
}

export function installProbe(): void {
  const w = window as unknown as { __a11y?: Probe };
  if (w.__a11y) return;

  const describe: Describe = (el) => {
    if (!el) return '(nothing)';
    let name = el.tagName.toLowerCase();
    if (el.id) name += `#${el.id}`;
    const cls = el.getAttribute('class');
    if (cls) name += `.${cls.trim().split(/\s+/).join('.')}`;
    const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    return text ? `${name} «${text.length > 40 ? `${text.slice(0, 40)}…` : text}»` : name;
  };

  const cspViolations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    cspViolations.push(
      `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''}${e.sample ? ` «${e.sample}»` : ''}`,
    );
  });

  const probe: Probe = {
    describe,
    cspViolations,
    tabbables,
    focusStep,
    overflow,
  };
  w.__a11y = probe;

  /** Hidden from sight on purpose (screen-reader-only text, the skip link before it is focused). */
  function visuallyHidden(el: Element): boolean {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.clipPath.startsWith('inset(50%') || (s.clip !== 'auto' && s.clip !== '')) return true;
      if (s.position === 'absolute' || s.position === 'fixed') {
        const r = e.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1) return true;
      }
    }
    return false;
  }

  let list: Element[] = [];
  function tabbables(): string[] {
    const selector =
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';
    list = [...document.querySelectorAll(selector)].filter((el) => {
      const h = el as HTMLElement;
      if (h.tabIndex < 0 || (h as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
      return el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    });
    return list.map(describe);
  }

  /** Relative luminance and contrast ratio (WCAG) of `rgb(…)`/`rgba(…)` colours; undefined when unparsable. */
  function rgb(color: string): [number, number, number, number] | undefined {
    const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(color);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
  }
  function luminance([r, g, b]: [number, number, number, number]): number {
    const c = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
  }
  function backgroundOf(el: Element): string {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = rgb(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] === 1) return getComputedStyle(e).backgroundColor;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  }

  function focusStep(): FocusStep {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return { index: -1, element: describe(el), left: true, problems: [] };
    const problems: string[] = [];
    if (!el.matches(':focus-visible')) problems.push('does not match :focus-visible after a Tab');
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow !== 'none';
    if (!outline && !shadow)
      problems.push(
        `no visible focus indicator (outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow})`,
      );
    if (outline) {
      const fg = rgb(s.outlineColor);
      const bg = rgb(backgroundOf(el.parentElement ?? el));
      if (fg && bg) {
        const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
        const ratio = (a + 0.05) / (b + 0.05);
        if (ratio < 3)
          problems.push(
            `focus outline ${s.outlineColor} on ${backgroundOf(el.parentElement ?? el)} has contrast ${ratio.toFixed(2)}:1 (< 3:1)`,
          );
      }
    }
    const rects = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const r = rects[0] ?? el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) problems.push('has no size on screen');
    else if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth)
      problems.push(
        `is off screen when focused (${Math.round(r.left)},${Math.round(r.top)} in ${innerWidth}×${innerHeight})`,
      );
    else {
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      if (top && top !== el && !el.contains(top) && !top.contains(el)) problems.push(`is covered by ${describe(top)}`);
    }
    return { index: list.indexOf(el), element: describe(el), left: false, problems };
  }

  function overflow(): string[] {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width) found.push(`the page scrolls sideways: ${scroll} px of content in a ${width} px viewport`);
    // Where content reaches past the viewport: the box itself, or what overflows it (a long unbreakable line).
    const reach = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (Math.max(r.right, r.left + el.scrollWidth) > width + 1 || r.left < -1);
    };
    const sticking = [...document.body.querySelectorAll('*')].filter(
      (el) => !visuallyHidden(el) && el.checkVisibility() && reach(el),
    );
    // Name the innermost ones: the elements whose own content sticks out.
    for (const el of sticking.filter((el) => !sticking.some((other) => other !== el && el.contains(other)))) {
      const r = el.getBoundingClientRect();
      found.push(
        `${describe(el)} reaches past the viewport (${Math.round(r.left)}…${Math.round(Math.max(r.right, r.left + el.scrollWidth))} px of ${width})`,
      );
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (visuallyHidden(el) || !el.checkVisibility()) continue;
      // Text cut off by a box that hides its overflow.
      const s = getComputedStyle(el);
      if (
        ['hidden', 'clip'].includes(s.overflowX) &&
        !['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) &&
        el.scrollWidth > el.clientWidth + 1
      )
        found.push(`${describe(el)} cuts off its content (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    return found.slice(0, 8);
  }
}
