// `custom-elements-manifest analyze`: the Custom Elements Manifest of @porthole/widget
// (custom-elements.json), from the class comments of the elements. Editors read it, and
// scripts/api-docs.mjs builds the docs' tables of attributes, parts, custom properties and
// events from it.
export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/components/widget/widget.dom.ts'],
  outdir: '.',
  litelement: true,
};
