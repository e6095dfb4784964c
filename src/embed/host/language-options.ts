/**
 * The language of a widget from outside: the SDK options `dialect` and `typeCheck`, the
 * `<lua-playground>` attributes `dialect` and `types`, and `data-dialect` / `data-types` on an
 * upgraded code block. Absent is the product default (`wippy`, `warn`); a value the playground
 * does not have is a mistake of the host page: the SDK throws (the caller sees it at once), an
 * attribute falls back to the default with a console warning (HTML has no caller to throw to).
 */
import {
  DEFAULT_DIALECT,
  DEFAULT_TYPE_CHECK,
  DIALECTS,
  parseDialect,
  parseTypeCheckMode,
} from '../../shared/dialect.ts';
import type { Dialect, TypeCheckMode } from '../../shared/dialect.ts';

export interface WidgetLanguage {
  dialect: Dialect;
  typeCheck: TypeCheckMode;
}

const DIALECT_CHOICES = DIALECTS.map((d) => `"${d}"`).join(' or ');
const TYPE_CHECK_CHOICES = '"off", "warn" or "strict"';

/** The SDK's options, checked; throws a TypeError naming the bad option and the choices. */
export function languageFromOptions(options: {
  dialect?: unknown;
  typeCheck?: unknown;
}): WidgetLanguage {
  const dialect =
    options.dialect === undefined
      ? DEFAULT_DIALECT
      : parseDialect(typeof options.dialect === 'string' ? options.dialect : null);
  if (!dialect)
    throw new TypeError(
      `LuaPlayground.mount: option dialect must be ${DIALECT_CHOICES} (got ${JSON.stringify(options.dialect)})`,
    );
  const typeCheck =
    options.typeCheck === undefined
      ? DEFAULT_TYPE_CHECK
      : parseTypeCheckMode(typeof options.typeCheck === 'string' ? options.typeCheck : null);
  if (!typeCheck)
    throw new TypeError(
      `LuaPlayground.mount: option typeCheck must be ${TYPE_CHECK_CHOICES} (got ${JSON.stringify(options.typeCheck)})`,
    );
  return { dialect, typeCheck };
}

/**
 * The element's attributes (`dialect`, `types`); `warn` receives one message per bad value,
 * which then falls back to the default.
 */
export function languageFromAttributes(
  attribute: (name: string) => string | null,
  warn: (message: string) => void,
): WidgetLanguage {
  const dialectText = attribute('dialect');
  let dialect = parseDialect(dialectText?.trim());
  if (!dialect) {
    if (dialectText !== null)
      warn(
        `<lua-playground dialect="${dialectText}">: the dialect must be ${DIALECT_CHOICES}; using "${DEFAULT_DIALECT}"`,
      );
    dialect = DEFAULT_DIALECT;
  }
  const typesText = attribute('types');
  let typeCheck = parseTypeCheckMode(typesText?.trim());
  if (!typeCheck) {
    if (typesText !== null)
      warn(
        `<lua-playground types="${typesText}">: the type check must be ${TYPE_CHECK_CHOICES}; using "${DEFAULT_TYPE_CHECK}"`,
      );
    typeCheck = DEFAULT_TYPE_CHECK;
  }
  return { dialect, typeCheck };
}
