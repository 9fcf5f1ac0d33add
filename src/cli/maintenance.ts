import type { Command } from 'commander';

/** Administration commands: create-admin, backup, restore. */
export function registerMaintenanceCommands(program: Command): void {
  void program;
}
