// Every magic the kernel knows; a module adding magics registers them here.
import { builtinMagics } from './builtins.js';
import { memoryMagics } from './memory/index.js';
import { MagicRegistry } from './registry.js';

export function createMagicRegistry(): MagicRegistry {
  const registry = new MagicRegistry();
  for (const magic of [...builtinMagics, ...memoryMagics]) registry.register(magic);
  return registry;
}

export { MagicRegistry, type Magic, type MagicContext } from './registry.js';
export { splitCell, pythonView, helpRequest } from './syntax.js';
