// Copies the repository's TextMate grammar into the extension: one grammar, kept in grammar/, never forked here.
'use strict';

const fs = require('fs');
const path = require('path');

const source = path.resolve(__dirname, '..', '..', '..', 'grammar', 'cxr.tmLanguage.json');
const target = path.resolve(__dirname, '..', 'syntaxes', 'cxr.tmLanguage.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
console.log(`copied ${path.relative(process.cwd(), source)} -> ${path.relative(process.cwd(), target)}`);
