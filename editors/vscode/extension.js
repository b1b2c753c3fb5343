// The CXR extension: starts `cxr lsp` over stdio and hands .cxr documents to it. Highlighting is the TextMate grammar
// of the repository (grammar/cxr.tmLanguage.json, copied in by scripts/copy-grammar.js).
'use strict';

const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The command that runs the server: `cxr lsp [--reports DIR]`, or `dotnet cxr.dll lsp ...` for a built dll. */
function serverCommand() {
  const settings = vscode.workspace.getConfiguration('cxr');
  const cxr = settings.get('server.path') || 'cxr';
  const args = ['lsp'];
  const reports = settings.get('reportsDirectory');
  if (reports) args.push('--reports', reports);
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const options = { cwd: folder ? folder.uri.fsPath : undefined };
  return cxr.endsWith('.dll')
    ? { command: 'dotnet', args: [path.resolve(options.cwd || '.', cxr), ...args], transport: TransportKind.stdio, options }
    : { command: cxr, args, transport: TransportKind.stdio, options };
}

async function activate(context) {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.cxr');
  context.subscriptions.push(watcher);
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'cxr' }, { scheme: 'untitled', language: 'cxr' }],
    synchronize: { fileEvents: watcher },
  };
  client = new LanguageClient('cxr', 'CXR Language Server', serverCommand(), clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('cxr.server') || e.affectsConfiguration('cxr.reportsDirectory')) {
        await client.stop();
        client = new LanguageClient('cxr', 'CXR Language Server', serverCommand(), clientOptions);
        await client.start();
      }
    }),
  );
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `CXR: could not start "${vscode.workspace.getConfiguration('cxr').get('server.path')} lsp" (${error.message}). ` +
        'Set cxr.server.path to the cxr command.',
    );
  }
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
