// Highlights every sample report (reports/**/*.cxr) with VS Code's own TextMate engine (vscode-textmate and the
// oniguruma regular expressions VS Code uses) and checks what a reader sees: no text marked invalid, declarations,
// comments, strings and numbers in their colours. Run: npm test (after npm ci).
'use strict';

const fs = require('fs');
const path = require('path');
const assert = require('assert');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const repository = path.resolve(__dirname, '..', '..', '..');
const grammarPath = path.join(__dirname, '..', 'syntaxes', 'cxr.tmLanguage.json');

function reportFiles(directory) {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return reportFiles(full);
    return entry.name.endsWith('.cxr') ? [full] : [];
  });
}

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.cxr' ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  return registry.loadGrammar('source.cxr');
}

/** Every token of a file: its line, text and scopes. */
function tokenize(grammar, text) {
  const tokens = [];
  let state = vsctm.INITIAL;
  text.split('\n').forEach((line, number) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens)
      tokens.push({ line: number + 1, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

function scopeOf(tokens, predicate) {
  const token = tokens.find(predicate);
  return token ? token.scopes.join(' ') : '(not found)';
}

(async () => {
  const grammar = await loadGrammar();
  const files = reportFiles(path.join(repository, 'reports'));
  assert.ok(files.length >= 5, `expected the sample reports, found ${files.length}`);
  let failures = 0;
  for (const file of files) {
    const tokens = tokenize(grammar, fs.readFileSync(file, 'utf8'));
    const name = path.relative(repository, file);
    const checks = [
      ['no text is marked invalid', tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid'))).map((t) => `${t.line}: ${t.text}`).join(', ') || 'ok'],
      ['comments are comments', tokens.some((t) => t.text.startsWith('#')) ? (/comment/.test(scopeOf(tokens, (t) => t.text.startsWith('#'))) ? 'ok' : scopeOf(tokens, (t) => t.text.startsWith('#'))) : 'ok'],
      ['a declaration keyword is a keyword', /keyword/.test(scopeOf(tokens, (t) => /^(source|metric|score|scenario|report|alert|currency)$/.test(t.text))) ? 'ok' : scopeOf(tokens, (t) => /^(source|metric|report|alert)$/.test(t.text))],
      ['strings are strings', tokens.some((t) => t.text.startsWith('"')) ? (/string/.test(scopeOf(tokens, (t) => t.text.startsWith('"'))) ? 'ok' : 'not a string') : 'ok'],
    ];
    for (const [what, outcome] of checks) {
      if (outcome === 'ok') continue;
      failures++;
      console.error(`${name}: ${what}: ${outcome}`);
    }
  }
  // Text that is not CXR is shown as such: a stray '@' is invalid.
  const stray = tokenize(grammar, 'metric x = 1 @');
  if (!stray.some((t) => t.text === '@' && t.scopes.some((s) => s.startsWith('invalid')))) {
    failures++;
    console.error("a stray '@' is not marked invalid");
  }
  if (failures > 0) {
    console.error(`${failures} highlighting check(s) failed`);
    process.exit(1);
  }
  console.log(`highlighting ok: ${files.length} sample reports tokenized by vscode-textmate`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
