import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dockyard.dockyard';

describe('activation', () => {
  it('Dockyard is installed in the extension host and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this extension host`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true, 'extension did not become active');
  });
});
