import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import QRCode from 'qrcode';
import { writeBackup } from '../db/backup.ts';
import { restoreBackup, RestoreError } from '../db/restore.ts';
import { createAdmin, CreateAdminError, validateAdminInput } from './create-admin.ts';
import { withDatabase } from './database.ts';

/** Prints a refusal and sets a failing exit code; anything else is a bug and keeps its stack trace. */
function refuse(error: unknown): void {
  if (error instanceof CreateAdminError || error instanceof RestoreError) {
    console.error(error.message);
    process.exitCode = 1;
    return;
  }
  throw error;
}

/** Administration commands: create-admin, backup, restore. */
export function registerMaintenanceCommands(program: Command): void {
  program
    .command('create-admin')
    .description('create an admin account with TOTP (non-interactive)')
    .option('--email <email>', 'the admin’s e-mail address (their sign-in)')
    .option('--name <name>', 'the admin’s full name')
    .option('--password <password>', 'at least 10 characters; prefer PASSERELLE_ADMIN_PASSWORD, kept out of history')
    .action(async (flags: { email?: string; name?: string; password?: string }) => {
      try {
        const input = validateAdminInput(flags);
        const admin = await withDatabase((database) => createAdmin(database.db, input));
        console.log(`Admin account created for ${admin.email}; its e-mail address counts as verified.`);
        console.log('Admins sign in with a code from an authenticator app. Add this account to one now:');
        console.log(`  secret (base32): ${admin.totpSecret}`);
        console.log(`  otpauth URI:     ${admin.otpauthUri}`);
        // A QR code only helps someone looking at a terminal, not a script reading the output.
        if (process.stdout.isTTY)
          console.log(await QRCode.toString(admin.otpauthUri, { type: 'terminal', small: true }));
        console.log('This secret is not shown again.');
      } catch (error) {
        refuse(error);
      }
    });

  program
    .command('backup')
    .description('write every row to FILE (gzip’d JSON lines)')
    .argument('<file>', 'where to write the backup (refused if it exists)')
    .action(async (file: string) => {
      const target = path.resolve(file);
      if (fs.existsSync(target)) {
        console.error(`${target} already exists: choose another file name, nothing was written.`);
        process.exitCode = 1;
        return;
      }
      try {
        // Not migrated first: a backup taken before an upgrade must hold the database as it was.
        const result = await withDatabase((database) => writeBackup(database, target), { migrate: false });
        const total = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
        console.log(`Backup written to ${target}: ${total} rows in ${Object.keys(result.rows).length} tables.`);
      } catch (error) {
        refuse(error);
      }
    });

  program
    .command('restore')
    .description('load a backup FILE into an empty database')
    .argument('<file>', 'a file written by `passerelle backup`')
    .action(async (file: string) => {
      if (!fs.existsSync(path.resolve(file))) {
        console.error(`No backup file at ${path.resolve(file)}.`);
        process.exitCode = 1;
        return;
      }
      try {
        const restored = await withDatabase((database) => restoreBackup(database, path.resolve(file)));
        const total = Object.values(restored).reduce((sum, n) => sum + n, 0);
        console.log(`Restored ${total} rows in ${Object.keys(restored).length} tables from ${path.resolve(file)}.`);
      } catch (error) {
        refuse(error);
      }
    });
}
