import type { Command } from '../command';
import { captureCommand } from './captureCommand';
import { demoCommand } from './demoCommand';
import { importCommand } from './importCommand';
import { pushCommand } from './pushCommand';
import { reconcileCommand } from './reconcileCommand';

export const commands: Command[] = [
  importCommand,
  captureCommand,
  reconcileCommand,
  pushCommand,
  demoCommand,
];
