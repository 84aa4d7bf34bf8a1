// One error hierarchy, one exit path (src/cli.ts). Anything that is not an AprError is a bug: exit 1.

export class AprError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command line: unknown option, bad parameter name or value (exit 2). */
export class UsageError extends AprError {
  constructor(message: string) {
    super(message, 2, 'usage');
  }
}

/** Input problem that stops the run: missing folder/file/column, not CSV, bad encoding (exit 3). */
export class InputError extends AprError {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message, 3, 'input');
  }
}
