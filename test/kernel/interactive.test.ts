// What a notebook user reaches through IPython: display() and IPython.display, _repr_*_ methods,
// display ids, clear_output, Tab completion with its types, Shift+Tab / obj? / obj?? inspection
// and getpass through the stdin channel, all over a real ZeroMQ client.
import { describe, expect, it } from 'vitest';
import { ofType, stdout } from './support/messages.js';
import { kernelForFile } from './support/pymemlab.js';

const { kernel, run } = kernelForFile();

const plain = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

async function complete(code: string, cursorPos = [...code].length) {
  const reply = await kernel().client.request('shell', 'complete_request', { code, cursor_pos: cursorPos });
  const types = reply.content.metadata._jupyter_types_experimental as { text: string; type: string; start: number; end: number }[];
  return { ...reply.content, kinds: Object.fromEntries(types.map((entry) => [entry.text, entry.type])) };
}

async function inspect(code: string, detailLevel: 0 | 1 = 0, cursorPos = [...code].length): Promise<string> {
  const reply = await kernel().client.request('shell', 'inspect_request', { code, cursor_pos: cursorPos, detail_level: detailLevel });
  expect(reply.content.found).toBe(true);
  return plain(reply.content.data['text/plain']);
}

describe('display', () => {
  it('display() is a builtin and IPython.display classes publish their MIME types', async () => {
    const { outputs } = await run("display(42)\nfrom IPython.display import HTML, Markdown, SVG, JSON, Latex, Math\ndisplay(HTML('<b>pools</b>'), Markdown('*arenas*'))\ndisplay(JSON({'a': [1, 2]}), Math('x^2'))");
    const shown = ofType(outputs, 'display_data').map((message) => message.content);
    expect(shown.map((content) => Object.keys(content.data).sort())).toEqual([
      ['text/plain'], ['text/html', 'text/plain'], ['text/markdown', 'text/plain'], ['application/json', 'text/plain'], ['text/latex', 'text/plain'],
    ]);
    expect(shown[0]!.data['text/plain']).toBe('42');
    expect(shown[1]!.data).toEqual({ 'text/html': '<b>pools</b>', 'text/plain': '<IPython.core.display.HTML object>' });
    expect(shown[3]!.data['application/json']).toEqual({ a: [1, 2] });
    expect(shown[3]!.metadata['application/json']).toEqual({ expanded: false, root: 'root' });
    expect(shown[4]!.data['text/latex']).toBe('$$x^2$$');
  });

  it('honours _repr_*_ methods and _repr_mimebundle_ of user classes in display() and execute_result', async () => {
    const { outputs } = await run([
      'class Block:',
      '    def _repr_svg_(self):',
      "        return '<svg/>'",
      '    def _repr_markdown_(self):',
      "        return ('**block**', {'note': 1})",
      '    def _repr_latex_(self):',
      '        return None',
      'class Bundle:',
      '    def _repr_mimebundle_(self, include=None, exclude=None):',
      "        return {'text/html': '<p>b</p>', 'application/vnd.custom+json': {'n': 3}}",
      'display(Block())',
      'Bundle()',
    ].join('\n'));
    const shown = ofType(outputs, 'display_data')[0]!.content;
    expect(Object.keys(shown.data).sort()).toEqual(['image/svg+xml', 'text/markdown', 'text/plain']);
    expect(shown.metadata).toEqual({ 'text/markdown': { note: 1 } });
    const result = ofType(outputs, 'execute_result')[0]!.content.data;
    expect(result['text/html']).toBe('<p>b</p>');
    expect(result['application/vnd.custom+json']).toEqual({ n: 3 });
  });

  it('updates a display by id, through update_display and a DisplayHandle', async () => {
    const { outputs } = await run([
      'from IPython.display import update_display',
      "h = display('first', display_id=True)",
      "update_display('second', display_id=h.display_id)",
      "h.update('third')",
    ].join('\n'));
    const first = ofType(outputs, 'display_data')[0]!.content;
    const updates = ofType(outputs, 'update_display_data').map((message) => message.content);
    expect(first.transient.display_id).toMatch(/^[0-9a-f]{32}$/);
    expect(updates.map((content) => content.data['text/plain'])).toEqual(["'second'", "'third'"]);
    expect(updates.every((content) => content.transient.display_id === first.transient.display_id)).toBe(true);
    expect((await run("update_display('x')")).reply.content.ename).toBe('TypeError');
  });

  it('clears the output, at once or when the next output comes', async () => {
    const { outputs } = await run("from IPython.display import clear_output\nprint('a')\nclear_output(wait=True)\nprint('b')\nclear_output()");
    expect(ofType(outputs, 'clear_output').map((message) => message.content.wait)).toEqual([true, false]);
    const order = outputs.map((message) => message.header.msg_type).filter((type) => type === 'stream' || type === 'clear_output');
    expect(order).toEqual(['stream', 'clear_output', 'stream', 'clear_output']);
  });
});

describe('completion', () => {
  it('completes names in scope and keywords with their kinds, cursor in code points', async () => {
    await run('import os\nrecords = {"alpha": 1, "beta": 2}\ndef helper(x):\n    return x\nclass Shape:\n    sides = 0\n    def area(self):\n        return 0\nclass Square(Shape):\n    pass\nsq = Square()');
    const names = await complete('re');
    expect(names.matches).toEqual(expect.arrayContaining(['records', 'repr', 'return']));
    expect(names.kinds).toMatchObject({ records: 'instance', repr: 'function', return: 'keyword' });
    const emoji = await complete('"\u{1F600}"; hel');
    expect(emoji.matches).toEqual(['helper']);
    expect([emoji.cursor_start, emoji.cursor_end]).toEqual([5, 8]);
    expect((await complete('Sh')).kinds.Shape).toBe('class');
  });

  it('completes attributes of modules, classes and instances through the MRO', async () => {
    const module = await complete('os.pa');
    expect(module.matches).toEqual(expect.arrayContaining(['path', 'pathsep']));
    expect(module.kinds.path).toBe('module');
    expect(module.cursor_start).toBe(3);
    expect((await complete('Square.')).matches).toEqual(expect.arrayContaining(['area', 'sides']));
    const instance = await complete('sq.');
    expect(instance.matches).toEqual(expect.arrayContaining(['area', 'sides']));
    expect(instance.kinds).toMatchObject({ area: 'function', sides: 'instance' });
    expect((await complete('sq.__cl')).matches).toEqual(['__class__']);
  });

  it('completes module names after import and from, and names after from ... import', async () => {
    const imported = await complete('import col');
    expect(imported.matches).toContain('collections');
    expect(imported.kinds.collections).toBe('module');
    expect((await complete('from IPython.di')).matches).toEqual(['display']);
    const members = await complete('from IPython.display import Mark');
    expect(members.matches).toEqual(['Markdown']);
    expect(members.kinds.Markdown).toBe('class');
  });

  it('completes string keys inside d["', async () => {
    const keys = await complete('records["al');
    expect(keys.matches).toEqual(['alpha"]']);
    expect(keys.kinds['alpha"]']).toBe('dict key');
    expect((await complete('records["', 9)).matches).toEqual(['alpha"]', 'beta"]']);
  });

  it('completes magic names', async () => {
    const magics = await complete('%ti');
    expect(magics.matches).toEqual(expect.arrayContaining(['%%time', '%time']));
    expect(magics.kinds['%time']).toBe('magic');
  });
});

describe('inspection', () => {
  it('len? shows the builtin signature and docstring as IPython does, with size and refcount', async () => {
    const text = await inspect('len');
    expect(text).toMatch(/^Signature: len\(obj, \/\)\nDocstring: Return the number of items in a container\.\nType:      builtin_function_or_method\n/);
    expect(text).toMatch(/^Size:      72 bytes \(sys\.getsizeof\)$/m);
    expect(text).toMatch(/^Refcount:  \d+$/m);
  });

  it('shows type, string form, length, size and refcount of values; Shift+Tab inside a call inspects the callee', async () => {
    await run('values = [1, 2, 3]\nalias = values');
    const text = await inspect('values');
    expect(text).toContain('Type:        list\nString form: [1, 2, 3]\nLength:      3\n');
    expect(text).toMatch(/^Size:        88 bytes \(sys\.getsizeof\)$/m);
    expect(text).toMatch(/^Refcount:    2$/m);
    expect(await inspect('sorted(values, ', 0)).toMatch(/^Signature: sorted\(iterable, \/, \*, key=None, reverse=False\)/);
  });

  it('signatures of user functions and classes; obj?? adds their source from the cells', async () => {
    await run('def scale(x, factor: int = 2, *rest, clip=None, **options) -> int:\n    """Scales x.\n\n    Twice by default."""\n    return x * factor');
    await run('@staticmethod\ndef decorated():\n    pass\nclass Pool:\n    """A pool."""\n    def __init__(self, size, kind="small"):\n        self.size = size');
    const brief = await inspect('scale');
    expect(brief).toContain('Signature: scale(x, factor: int = 2, *rest, clip=None, **options) -> int\nDocstring:\nScales x.\n\nTwice by default.\n');
    expect(brief).toMatch(/^Type:      function$/m);
    const full = await inspect('scale', 1);
    expect(full).toContain('Source:\ndef scale(x, factor: int = 2, *rest, clip=None, **options) -> int:\n    """Scales x.\n\n    Twice by default."""\n    return x * factor\n');
    const pool = await inspect('Pool', 1);
    expect(pool).toMatch(/^Init signature: Pool\(size, kind='small'\)$/m);
    expect(pool).toContain('Source:\nclass Pool:\n    """A pool."""\n    def __init__(self, size, kind="small"):\n        self.size = size\n');
  });

  it('obj? and obj?? in a cell go to the pager', async () => {
    const { reply } = await run('scale??');
    expect(reply.content.payload).toHaveLength(1);
    expect(plain(reply.content.payload[0].data['text/plain'])).toContain('return x * factor');
    expect(stdout((await run('no_such_name?')).outputs)).toBe('Object `no_such_name` not found.\n');
    const magic = await run('%time?');
    expect(magic.reply.content.payload[0].data['text/plain']).toContain('%time');
    const missing = await kernel().client.request('shell', 'inspect_request', { code: 'nothing_here', cursor_pos: 12, detail_level: 0 });
    expect(missing.content.found).toBe(false);
  });
});

describe('getpass', () => {
  it('asks the front end for a password through the stdin channel', async () => {
    let asked: { prompt: string; password: boolean } | null = null;
    kernel().client.onInputRequest = (request) => {
      asked = { prompt: request.content.prompt, password: request.content.password };
      return 's3cret';
    };
    try {
      const { reply, outputs } = await run("import getpass\nsecret = getpass.getpass()\nprint(len(secret))");
      expect(reply.content.status).toBe('ok');
      expect(asked).toEqual({ prompt: 'Password: ', password: true });
      expect(stdout(outputs)).toBe('6\n');
    } finally {
      kernel().client.onInputRequest = null;
    }
  });
});
