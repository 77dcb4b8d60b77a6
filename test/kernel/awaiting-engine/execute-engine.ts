// Kernel tests that wait on the engine: each needs something the engine does not provide yet
// (the IPython.display module, completion types, attribute completion, inspect's source at
// detail level 1, reprs of builtins). Rename this file to *.test.ts once they pass.
import { describe, expect, it } from 'vitest';
import { ofType } from '../support/messages.js';
import { kernelForFile } from '../support/pymemlab.js';

const { kernel, run } = kernelForFile();

describe('waiting on the engine', () => {
  it('sends display_data, update_display_data by display id, and clear_output', async () => {
    const { outputs } = await run([
      'from IPython.display import display, HTML, clear_output, update_display',
      "display(HTML('<b>one</b>'), display_id='slot')",
      "update_display(HTML('<b>two</b>'), display_id='slot')",
      'clear_output(wait=True)',
    ].join('\n'));
    const shown = ofType(outputs, 'display_data')[0]!;
    expect(shown.content.data['text/html']).toBe('<b>one</b>');
    expect(shown.content.transient.display_id).toBe('slot');
    const updated = ofType(outputs, 'update_display_data')[0]!;
    expect(updated.content.data['text/html']).toBe('<b>two</b>');
    expect(updated.content.transient.display_id).toBe('slot');
    expect(ofType(outputs, 'clear_output')[0]!.content.wait).toBe(true);
  });

  it('completes names with cursor positions in code points', async () => {
    const code = "'\u{1F600}'; pri";
    const reply = await kernel().client.request('shell', 'complete_request', { code, cursor_pos: [...code].length });
    expect(reply.content.matches).toContain('print');
    expect(reply.content.cursor_start).toBe([...code].length - 3);
    expect(reply.content.cursor_end).toBe([...code].length);
    const types = reply.content.metadata._jupyter_types_experimental as { text: string; type: string }[];
    expect(types.find((entry) => entry.text === 'print')?.type).toBe('function');
  });

  it('completes attributes of live objects and magics', async () => {
    await run('items = [3, 1, 2]');
    const attributes = await kernel().client.request('shell', 'complete_request', { code: 'items.so', cursor_pos: 8 });
    expect(attributes.content.matches).toContain('sort');
    const magics = await kernel().client.request('shell', 'complete_request', { code: '%hist', cursor_pos: 5 });
    expect(magics.content.matches).toEqual(['%history']);
  });

  it('inspects an object, with more detail at level 1', async () => {
    await run('def area(w, h):\n    """Rectangle area."""\n    return w * h');
    const brief = await kernel().client.request('shell', 'inspect_request', { code: 'area', cursor_pos: 4, detail_level: 0 });
    expect(brief.content.found).toBe(true);
    expect(brief.content.data['text/plain']).toContain('Rectangle area.');
    const full = await kernel().client.request('shell', 'inspect_request', { code: 'area', cursor_pos: 4, detail_level: 1 });
    expect(full.content.data['text/plain']).toContain('return w * h');
    const missing = await kernel().client.request('shell', 'inspect_request', { code: 'nothing_here', cursor_pos: 12, detail_level: 0 });
    expect(missing.content.found).toBe(false);
  });

  it('obj? and %magic? answer with a page payload', async () => {
    const help = await run('len?');
    expect(help.reply.content.payload[0].source).toBe('page');
    expect(help.reply.content.payload[0].data['text/plain']).toContain('len');
    const magic = await run('%time?');
    expect(magic.reply.content.payload[0].data['text/plain']).toContain('%time');
  });
});
