/**
 * What an article body may contain, shared by the compiler (which removes the rest and warns
 * the author) and the widget's sanitizer (which removes it again when rendering). Its own
 * module, imported by neither `@porthole/kb`'s search nor its loader, so the widget's lazily
 * loaded search and sanitizer files never share a chunk.
 */

/**
 * Elements an article body may never contain: the compiler removes them (warning the author)
 * and the widget's sanitizer removes them again when it renders, from this one list. Forms and
 * frames could phish or navigate, style could restyle the host page's widget, media would play
 * inside a help panel, and SVG/MathML are where sanitizer bypasses live.
 */
export const FORBIDDEN_ARTICLE_TAGS: readonly string[] = [
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'dialog',
  'svg',
  'math',
  'portal',
  'fencedframe',
  'audio',
  'video',
  'source',
  'track',
];
