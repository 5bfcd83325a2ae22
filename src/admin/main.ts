/**
 * The dashboard page's one script (`dist/admin/admin.js`, loaded by `/admin`). The document's
 * own few rules arrive as a constructed stylesheet: the CSP allows no inline style.
 */
import { defineModerationDesk } from './define.js';

const page = new CSSStyleSheet();
page.replaceSync('body { margin: 0; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];

defineModerationDesk();
