// kernel_info_reply's content: who this kernel is and the language it speaks.
import { PROTOCOL_VERSION } from './protocol/wire.js';
import { packageVersion } from './package-root.js';

export function kernelInfo(pythonVersion: string): Record<string, unknown> {
  const [major, minor] = pythonVersion.split('.');
  const docs = `https://docs.python.org/${major}.${minor}`;
  return {
    status: 'ok',
    protocol_version: PROTOCOL_VERSION,
    implementation: 'pymemlab',
    implementation_version: packageVersion(),
    language_info: {
      name: 'python',
      version: pythonVersion,
      mimetype: 'text/x-python',
      file_extension: '.py',
      pygments_lexer: 'ipython3',
      codemirror_mode: { name: 'ipython', version: 3 },
      nbconvert_exporter: 'python',
    },
    banner: `Python ${pythonVersion} (simulated by pymemlab ${packageVersion()}): every object, block and page is modelled byte for byte.\n`,
    help_links: [
      { text: 'Python Reference', url: `${docs}/reference/` },
      { text: 'Python Standard Library', url: `${docs}/library/` },
      { text: 'CPython memory management', url: `${docs}/c-api/memory.html` },
    ],
    debugger: false,
  };
}
