// `pymemlab <command>`: every command loads only the modules it needs, so the kernel starts fast.
import { packageVersion } from '../package-root.js';

const USAGE = `usage: pymemlab <command> [options]

Commands:
  kernel -f CONNECTION_FILE [--python X.Y]   run the Jupyter kernel (what kernel.json launches)
  install [--user | --sys-prefix | --prefix DIR] [--name N] [--display-name S] [--python X.Y]
                                             install the kernelspec (default: --user)
  uninstall [--user | --sys-prefix | --prefix DIR] [--name N] [--python X.Y]
                                             remove it
  exec FILE.py [--python X.Y] [ARGS...]      run a Python file, like python3 FILE.py
  console [--python X.Y]                     an interactive session in the terminal
  run NOTEBOOK|DIR... [options]              execute notebooks (pymemlab run --help)
  export NOTEBOOK|DIR... --out DIR           build the HTML documentation site
  start                                      run every chapter notebook, then build the site (npm start)
  --help, --version

The Python is simulated: CPython 3.11 by default, --python picks another supported version.
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  kernel: async (args) => (await import('./kernel-command.js')).kernelMain(args),
  install: async (args) => (await import('./install-command.js')).installMain(args),
  uninstall: async (args) => (await import('./install-command.js')).uninstallMain(args),
  exec: async (args) => (await import('./exec-command.js')).execMain(args),
  console: async (args) => (await import('./console-command.js')).consoleMain(args),
  run: async (args) => (await import('../runner/cli.js')).runMain(args),
  export: async (args) => (await import('../export/cli.js')).exportMain(args),
  start: async (args) => (await import('../export/start.js')).startMain(args),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-V') {
    process.stdout.write(`pymemlab ${packageVersion()}\n`);
    return 0;
  }
  const run = commands[command];
  if (!run) {
    process.stderr.write(`pymemlab: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  return run(args);
}

main(process.argv.slice(2)).then(
  (status) => {
    // The kernel keeps running on its sockets; other commands end with their status.
    if (status >= 0) process.exitCode = status;
  },
  (error: Error) => {
    process.stderr.write(`pymemlab: ${error.message}\n`);
    process.exitCode = 1;
  },
);
