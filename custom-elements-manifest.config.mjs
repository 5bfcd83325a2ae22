// `cem analyze` (run by `npm run build`) writes dist/custom-elements.json from the elements'
// JSDoc (@csspart, @cssprop, @fires, @slot) and their Lit properties.

/** Our define modules call `defineElement('tag', Class)`, not `customElements.define`. */
function defineElementCalls() {
  const definitions = new Map(); // class name → tag
  return {
    name: 'article-feedback-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !ts.isStringLiteral(tagArg)) return;
      const tag = tagArg.text;
      const className = classArg.getText();
      definitions.set(className, tag);
      // Where the class comes from: the import in this define module.
      let from = moduleDoc.path;
      for (const statement of node.getSourceFile().statements) {
        if (!ts.isImportDeclaration(statement)) continue;
        const names = statement.importClause?.namedBindings;
        if (names && ts.isNamedImports(names) && names.elements.some((e) => e.name.text === className)) {
          const spec = statement.moduleSpecifier.text.replace(/\.js$/, '.ts');
          from = new URL(spec, `file:///${moduleDoc.path}`).pathname.slice(1);
        }
      }
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag,
        declaration: { name: className, module: from },
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind === 'class' && definitions.has(decl.name)) {
            decl.tagName ??= definitions.get(decl.name);
            decl.customElement = true;
          }
        }
      }
    },
  };
}

/** The package ships dist/lib/**.js (not src/), so the manifest names those files. */
function pointAtBuiltModules() {
  const toDist = (path) => path.replace(/^\/?src\//, 'dist/lib/').replace(/\.ts$/, '.js');
  const fix = (ref) => {
    if (ref?.module) ref.module = toDist(ref.module);
  };
  return {
    name: 'article-feedback-dist-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = toDist(mod.path);
        for (const exp of mod.exports ?? []) fix(exp.declaration);
        for (const decl of mod.declarations ?? []) {
          fix(decl.superclass);
          for (const member of decl.members ?? []) fix(member.inheritedFrom);
          for (const attr of decl.attributes ?? []) fix(attr.inheritedFrom);
          for (const event of decl.events ?? []) fix(event.inheritedFrom);
        }
      }
    },
  };
}

/**
 * Members named `_x` are internal (the script-tag build shortens their names): private or
 * protected in TypeScript. Mark them all private so editors and docs do not offer them, and list
 * no attribute for internal state.
 */
function underscoreIsPrivate() {
  return {
    name: 'article-feedback-underscore-private',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          for (const member of decl.members ?? []) if (member.name.startsWith('_')) member.privacy = 'private';
          // Internal reactive state (`_pick: { state: true }`) is no attribute; an attribute the
          // element reads into an internal field (`lang`, `aria-describedby`) names no field.
          if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.name.startsWith('_'));
          for (const attr of decl.attributes ?? []) if (attr.fieldName?.startsWith('_')) delete attr.fieldName;
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  // shared/feedback-element.ts stays in: it declares the attributes every element inherits.
  exclude: [
    'src/components/shared/!(feedback-element).ts',
    'src/components/**/*.styles.ts',
    'src/components/**/*.test.ts',
  ],
  outdir: 'dist',
  litelement: true,
  plugins: [defineElementCalls(), pointAtBuiltModules(), underscoreIsPrivate()],
};
