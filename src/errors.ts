// One error hierarchy, one exit path (main() in src/commands/main.ts). Anything that is not an AprError is a bug: exit 1.

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

/**
 * An indicator's SQL failed: names the SQL file and statement. A bug in the engine or its SQL
 * (exit 1), but the message says where, so it can be fixed without a debugger.
 */
export class IndicatorError extends Error {
  constructor(
    message: string,
    readonly sqlFile: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IndicatorError';
  }
}
