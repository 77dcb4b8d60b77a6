// Executing Python through the kernel with a real ZeroMQ client: outputs, errors, history,
// input(), interrupts, _repr_html_, completeness, magics.
import { describe, expect, it } from 'vitest';
import { ofType, stdout } from './support/messages.js';
import { kernelForFile } from './support/pymemlab.js';

const { kernel, run } = kernelForFile();

describe('execute', () => {
  it('streams stdout and stderr, publishes execute_input, counts executions', async () => {
    const { reply, outputs } = await run("import sys\nprint('hello, world')\nprint('oops', file=sys.stderr)");
    expect(reply.content.status).toBe('ok');
    expect(stdout(outputs)).toBe('hello, world\n');
    expect(ofType(outputs, 'stream').find((message) => message.content.name === 'stderr')?.content.text).toBe('oops\n');
    const input = ofType(outputs, 'execute_input')[0]!;
    expect(input.content.execution_count).toBe(reply.content.execution_count);
    const states = ofType(outputs, 'status').map((message) => message.content.execution_state);
    expect(states).toEqual(['busy', 'idle']);
  });

  it('shows the value of a final expression as execute_result, and keeps _ and Out', async () => {
    const { reply, outputs } = await run('6 * 7');
    const result = ofType(outputs, 'execute_result')[0]!;
    expect(result.content.data['text/plain']).toBe('42');
    expect(result.content.execution_count).toBe(reply.content.execution_count);
    const again = await run(`_ + Out[${reply.content.execution_count}]`);
    expect(ofType(again.outputs, 'execute_result')[0]!.content.data['text/plain']).toBe('84');
  });

  it('silent runs publish no input or result and do not count; store_history=false does not count', async () => {
    const first = await run('1');
    const silent = await run('2', { silent: true });
    expect(ofType(silent.outputs, 'execute_input')).toHaveLength(0);
    expect(ofType(silent.outputs, 'execute_result')).toHaveLength(0);
    const unstored = await run('3', { store_history: false });
    const next = await run('4');
    expect(silent.reply.content.execution_count).toBe(first.reply.content.execution_count);
    expect(unstored.reply.content.execution_count).toBe(first.reply.content.execution_count);
    expect(next.reply.content.execution_count).toBe(first.reply.content.execution_count + 1);
  });

  it('reports an uncaught exception with an IPython-shaped traceback', async () => {
    const { reply, outputs } = await run('def f(n):\n    return 10 // n\nf(0)');
    expect(reply.content).toMatchObject({ status: 'error', ename: 'ZeroDivisionError', evalue: 'integer division or modulo by zero' });
    const error = ofType(outputs, 'error')[0]!;
    const text = error.content.traceback.join('\n').replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).toContain('Traceback (most recent call last)');
    expect(text).toContain(`Cell In[${reply.content.execution_count}], line 3`);
    expect(text).toContain('----> 3 f(0)');
    expect(text).toContain('in f()');
    expect(text).toContain('ZeroDivisionError: integer division or modulo by zero');
  });

  it('stop_on_error aborts the requests queued behind a failing cell', async () => {
    // The failing cell works a while first, so the second request is surely queued behind it.
    const failing = kernel().client.frames('execute_request', { code: 'for _ in range(300_000): pass\nraise ValueError("first")', silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
    const queued = kernel().client.frames('execute_request', { code: 'never_defined = 1', silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
    const replies = [kernel().client.reply(failing.header.msg_id), kernel().client.reply(queued.header.msg_id)];
    await kernel().client.shell.send(failing.frames);
    await kernel().client.shell.send(queued.frames);
    const [first, second] = await Promise.all(replies);
    expect(first!.content.status).toBe('error');
    expect(second!.content.status).toBe('aborted');
    expect((await run('never_defined')).reply.content.ename).toBe('NameError');
  });

  it('evaluates user_expressions after the cell', async () => {
    const { reply } = await run('base = 40', { user_expressions: { answer: 'base + 2', broken: '1/0' } });
    expect(reply.content.user_expressions.answer).toMatchObject({ status: 'ok', data: { 'text/plain': '42' } });
    expect(reply.content.user_expressions.broken).toMatchObject({ status: 'error', ename: 'ZeroDivisionError' });
  });

  it('keeps line numbers of the cell when magics are mixed with code', async () => {
    const { reply } = await run('a = 1\n%time b = 2\nc = undefined_name');
    const text = reply.content.traceback.join('\n').replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).toContain('line 3');
  });
});

describe('stdin', () => {
  it('asks the front end for input() and uses the answer', async () => {
    kernel().client.onInputRequest = (request) => (request.content.prompt === 'name? ' ? 'Ada' : null);
    try {
      const { reply, outputs } = await run("name = input('name? ')\nprint('hello', name)");
      expect(reply.content.status).toBe('ok');
      expect(stdout(outputs)).toBe('hello Ada\n');
    } finally {
      kernel().client.onInputRequest = null;
    }
  });

  it('input() fails in the cell when the client does not allow stdin', async () => {
    const { reply } = await run("input('x')", { allow_stdin: false });
    expect(reply.content.status).toBe('error');
  });
});

describe('interrupts and a busy kernel', () => {
  it('answers heartbeat and control while a loop runs, then stops it with KeyboardInterrupt, keeping variables', async () => {
    await run('kept = "still here"');
    const loop = kernel().client.execute('while True:\n    pass');
    await kernel().client.waitForPublished((message) => message.header.msg_type === 'execute_input' && message.content.code.startsWith('while True'));
    expect((await kernel().client.ping(Buffer.from('beat'))).toString()).toBe('beat');
    expect((await kernel().client.request('control', 'kernel_info_request', {})).content.status).toBe('ok');
    expect((await kernel().client.request('control', 'interrupt_request', {})).content.status).toBe('ok');
    const { reply } = await loop;
    expect(reply.content.ename).toBe('KeyboardInterrupt');
    const after = await run('kept');
    expect(ofType(after.outputs, 'execute_result')[0]!.content.data['text/plain']).toBe("'still here'");
  });

  it('SIGINT interrupts like interrupt_request', async () => {
    const loop = kernel().client.execute('n = 0\nwhile True:\n    n += 1');
    await kernel().client.waitForPublished((message) => message.header.msg_type === 'execute_input' && message.content.code.startsWith('n = 0'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    kernel().process.kill('SIGINT');
    expect((await loop).reply.content.ename).toBe('KeyboardInterrupt');
    expect(kernel().process.exitCode).toBeNull();
  });
});

describe('rich output', () => {

  it('uses _repr_html_ of user classes for the execute_result', async () => {
    const { outputs } = await run("class Box:\n    def _repr_html_(self):\n        return '<i>box</i>'\nBox()");
    const data = ofType(outputs, 'execute_result')[0]!.content.data;
    expect(data['text/html']).toBe('<i>box</i>');
    expect(data['text/plain']).toMatch(/Box object at 0x/);
  });
});

describe('completion, inspection, completeness', () => {



  it('says complete, incomplete with an indent, or invalid', async () => {
    const ask = async (code: string) => (await kernel().client.request('shell', 'is_complete_request', { code })).content;
    expect(await ask('x = 1')).toEqual({ status: 'complete' });
    expect(await ask('for i in range(3):')).toEqual({ status: 'incomplete', indent: '    ' });
    expect((await ask('x = (1,')).status).toBe('incomplete');
    expect((await ask('1 +* 2)')).status).toBe('invalid');
    expect(await ask('%%time\nx = 1')).toEqual({ status: 'incomplete', indent: '' });
  });
});

describe('history', () => {
  it('answers tail, range and search (unique, n) with outputs', async () => {
    await run('hist_probe = 1');
    await run('hist_probe + 1');
    await run('hist_probe + 1');
    const tail = await kernel().client.request('shell', 'history_request', { hist_access_type: 'tail', n: 2, output: true, raw: true });
    expect(tail.content.history).toHaveLength(2);
    expect(tail.content.history[1][2]).toEqual(['hist_probe + 1', '2']);
    const [session, line] = tail.content.history[0];
    const range = await kernel().client.request('shell', 'history_request', { hist_access_type: 'range', session, start: line, stop: line + 1, output: false, raw: true });
    expect(range.content.history).toEqual([[session, line, 'hist_probe + 1']]);
    const search = await kernel().client.request('shell', 'history_request', { hist_access_type: 'search', pattern: 'hist_probe*', unique: true, output: false, raw: true });
    expect(search.content.history.map((row: unknown[]) => row[2])).toEqual(['hist_probe = 1', 'hist_probe + 1']);
    const limited = await kernel().client.request('shell', 'history_request', { hist_access_type: 'search', pattern: 'hist_probe*', n: 1, output: false, raw: true });
    expect(limited.content.history).toHaveLength(1);
  });
});

describe('IPython conveniences', () => {

  it('%lsmagic, %who, %whos, %reset -f', async () => {
    expect(stdout((await run('%lsmagic')).outputs)).toContain('%%capture');
    await run('%reset -f');
    await run('alpha = 1\nbeta = "two"');
    expect(stdout((await run('%who')).outputs)).toBe('alpha\tbeta\t\n');
    expect(stdout((await run('%who int')).outputs)).toBe('alpha\t\n');
    const table = stdout((await run('%whos')).outputs);
    expect(table).toMatch(/^Variable\s+Type\s+Size\s+Data\/Info/);
    expect(table).toMatch(/alpha\s+int\s+28\s+1/);
    await run('%reset -f');
    expect(stdout((await run('%who')).outputs)).toBe('Interactive namespace is empty.\n');
  });

  it('%time prints timings and the value; %%capture keeps output aside', async () => {
    const timed = await run('%time 2 ** 10');
    expect(stdout(timed.outputs)).toMatch(/CPU times: user .*\nWall time: /);
    expect(ofType(timed.outputs, 'execute_result')[0]!.content.data['text/plain']).toBe('1024');
    const captured = await run("%%capture grabbed\nprint('hidden')");
    expect(stdout(captured.outputs)).toBe('');
    expect(ofType((await run('grabbed.stdout')).outputs, 'execute_result')[0]!.content.data['text/plain']).toBe("'hidden\\n'");
  });

  it('%history lists the inputs, an unknown magic is a UsageError', async () => {
    const history = stdout((await run('%history -n 1-2')).outputs);
    expect(history).toMatch(/^ {2}1: /);
    const unknown = await run('%no_such_magic');
    expect(unknown.reply.content.ename).toBe('UsageError');
  });
});
