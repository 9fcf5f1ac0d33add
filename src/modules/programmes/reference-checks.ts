import type { FieldError } from '../../http/errors.ts';
import { AppError } from '../../http/errors.ts';
import { isReferenceCode } from '../reference/lists.ts';

/**
 * Collects the field errors of one request, so that a form learns about every bad field at once rather than one
 * round trip per mistake.
 */
export class FieldProblems {
  readonly list: FieldError[] = [];

  add(path: string, code: FieldError['code'], message: string): void {
    this.list.push({ path, code, message });
  }

  /** Each code of `codes` must be in the reference list; an unknown one is reported at its index. */
  codesIn(list: Parameters<typeof isReferenceCode>[0], path: string, codes: readonly string[] | undefined): void {
    codes?.forEach((code, index) => {
      if (!isReferenceCode(list, code)) this.add(`${path}.${index}`, 'invalid_value', `Unknown ${list} code ${code}`);
    });
  }

  /** Throws `validation_failed` with every problem found, if any. */
  throwIfAny(): void {
    if (this.list.length) throw new AppError('validation_failed', 'Some fields are not valid', this.list);
  }
}
