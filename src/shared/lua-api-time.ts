/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the `time` module, as
 * the platform has it (wippyai/runtime runtime/lua/modules/time; docs en/lua/core/time.md).
 */
import type { LuaClass, LuaConstant, LuaFunctionDoc, LuaModule } from './lua-api-types.ts';

const DURATION = 'number|string|Duration';
const DURATION_DOC = 'Nanoseconds (`5 * time.SECOND`), a Go duration ("1m30s"), or a Duration.';

const duration = (name = 'd') => ({ name, type: DURATION, doc: DURATION_DOC });

/** A method without parameters. */
const getter = (cls: string, name: string, returns: string, doc: string): LuaFunctionDoc => ({
  name,
  signature: `${cls}:${name}()`,
  params: [],
  returns,
  doc,
});

const LAYOUTS: Array<[string, string]> = [
  ['RFC3339', '2006-01-02T15:04:05Z07:00'],
  ['RFC3339NANO', '2006-01-02T15:04:05.999999999Z07:00'],
  ['RFC822', '02 Jan 06 15:04 MST'],
  ['RFC822Z', '02 Jan 06 15:04 -0700'],
  ['RFC850', 'Monday, 02-Jan-06 15:04:05 MST'],
  ['RFC1123', 'Mon, 02 Jan 2006 15:04:05 MST'],
  ['RFC1123Z', 'Mon, 02 Jan 2006 15:04:05 -0700'],
  ['KITCHEN', '3:04PM'],
  ['STAMP', 'Jan _2 15:04:05'],
  ['STAMP_MILLI', 'Jan _2 15:04:05.000'],
  ['STAMP_MICRO', 'Jan _2 15:04:05.000000'],
  ['STAMP_NANO', 'Jan _2 15:04:05.000000000'],
  ['DATE_TIME', '2006-01-02 15:04:05'],
  ['DATE_ONLY', '2006-01-02'],
  ['TIME_ONLY', '15:04:05'],
];
const MONTHS =
  'JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER';
const WEEKDAYS = 'SUNDAY MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY';
const title = (s: string) => s[0] + s.slice(1).toLowerCase();

const CONSTANTS: LuaConstant[] = [
  { name: 'NANOSECOND', value: 1, doc: 'One nanosecond: the unit of numeric durations.' },
  { name: 'MICROSECOND', value: 1000, doc: 'One microsecond in nanoseconds.' },
  { name: 'MILLISECOND', value: 1_000_000, doc: 'One millisecond in nanoseconds.' },
  {
    name: 'SECOND',
    value: 1_000_000_000,
    doc: 'One second in nanoseconds: `time.sleep(5 * time.SECOND)`.',
  },
  { name: 'MINUTE', value: 60_000_000_000, doc: 'One minute in nanoseconds.' },
  { name: 'HOUR', value: 3_600_000_000_000, doc: 'One hour in nanoseconds.' },
  ...LAYOUTS.map(([name, value]) => ({
    name,
    value,
    doc: `Go layout for \`t:format\` and \`time.parse\`.`,
  })),
  ...MONTHS.split(' ').map((name, i) => ({
    name,
    value: i + 1,
    doc: `${title(name)}, as \`t:month()\` returns it.`,
  })),
  ...WEEKDAYS.split(' ').map((name, i) => ({
    name,
    value: i,
    doc: `${title(name)}, as \`t:weekday()\` returns it.`,
  })),
  { name: 'utc', value: 'UTC', doc: 'The UTC Location.' },
  {
    name: 'localtz',
    value: 'Local',
    doc: "The local Location: the browser's (or Node's) time zone; on the platform, the server's.",
  },
];

const TIME: LuaClass = {
  name: 'Time',
  doc:
    "A point in time with a location, as Go's `time.Time`. `tostring(t)` is Go's " +
    '"2006-01-02 15:04:05.999999999 -0700 MST" (with " m=+…" for `time.now()`). No arithmetic ' +
    'or comparison operators: use the methods.',
  methods: [
    {
      name: 'add',
      signature: 't:add(d)',
      params: [duration()],
      returns: 'Time',
      doc: 'This time plus `d`. A bad duration raises an argument error.',
    },
    {
      name: 'sub',
      signature: 't:sub(u)',
      params: [{ name: 'u', type: 'Time', doc: 'The earlier time.' }],
      returns: 'Duration',
      doc: 't - u, saturating at about ±292 years; monotonic when both come from `time.now()`.',
    },
    {
      name: 'add_date',
      signature: 't:add_date(years, months, days)',
      params: [
        { name: 'years', type: 'number', doc: 'Years to add.' },
        { name: 'months', type: 'number', doc: 'Months to add.' },
        { name: 'days', type: 'number', doc: 'Days to add.' },
      ],
      returns: 'Time',
      doc: 'Calendar arithmetic, normalised as Go (Jan 31 + 1 month is Mar 2 or 3).',
    },
    ...(['after', 'before', 'equal'] as const).map((name) => ({
      name,
      signature: `t:${name}(u)`,
      params: [{ name: 'u', type: 'Time', doc: 'The time to compare with.' }],
      returns: 'boolean',
      doc: {
        after: 'Whether t is after u.',
        before: 'Whether t is before u.',
        equal: 'Whether t and u are the same instant (locations may differ).',
      }[name],
    })),
    {
      name: 'format',
      signature: 't:format(layout)',
      params: [
        {
          name: 'layout',
          type: 'string',
          doc: 'Go layout: the reference time `Mon Jan 2 15:04:05 MST 2006` as the output should look, e.g. "2006-01-02 15:04", `time.RFC1123`.',
        },
      ],
      returns: 'string',
      doc: 'Formats with Go\'s rules ("_2" space-padded day, ".000"/".999" fractions, "Z07:00" prints Z for UTC).',
    },
    getter('t', 'format_rfc3339', 'string', 'Formats as `time.RFC3339`: "2024-12-29T15:04:05Z".'),
    getter('t', 'unix', 'integer', 'Seconds since 1970-01-01 UTC.'),
    getter(
      't',
      'unix_nano',
      'integer',
      'Nanoseconds since 1970-01-01 UTC (exact on a 64-bit engine).',
    ),
    getter('t', 'date', 'year, month, day', "The date in the time's location."),
    getter('t', 'clock', 'hour, minute, second', "The clock in the time's location."),
    getter('t', 'year', 'integer', 'The year, e.g. 2024.'),
    getter('t', 'month', 'integer', 'Month, 1-12 (`time.JANUARY` …).'),
    getter('t', 'day', 'integer', 'Day of the month, 1-31.'),
    getter('t', 'hour', 'integer', 'Hour, 0-23.'),
    getter('t', 'minute', 'integer', 'Minute, 0-59.'),
    getter('t', 'second', 'integer', 'Second, 0-59.'),
    getter('t', 'nanosecond', 'integer', 'Nanosecond within the second, 0-999999999.'),
    getter('t', 'weekday', 'integer', 'Day of the week, 0 = Sunday … 6 = Saturday.'),
    getter('t', 'year_day', 'integer', 'Day of the year, 1-366.'),
    getter(
      't',
      'is_zero',
      'boolean',
      "Whether this is Go's zero time (January 1, year 1, 00:00 UTC).",
    ),
    {
      name: 'in_location',
      signature: 't:in_location(loc)',
      params: [
        {
          name: 'loc',
          type: 'Location',
          doc: 'From `time.load_location`, `time.fixed_zone`, `time.utc`.',
        },
      ],
      returns: 'Time',
      doc: 'The same instant in another location.',
    },
    getter('t', 'location', 'Location', "The time's location."),
    getter('t', 'utc', 'Time', 'The same instant in UTC.'),
    getter('t', 'in_local', 'Time', 'The same instant in the local location.'),
    {
      name: 'round',
      signature: 't:round(d)',
      params: [
        {
          name: 'd',
          type: 'Duration',
          doc: 'A Duration object (`time.parse_duration("1h")`), not a number or string.',
        },
      ],
      returns: 'Time',
      doc: 'Rounded to the nearest multiple of d since the zero time (halfway rounds up).',
    },
    {
      name: 'truncate',
      signature: 't:truncate(d)',
      params: [{ name: 'd', type: 'Duration', doc: 'A Duration object, not a number or string.' }],
      returns: 'Time',
      doc: 'Rounded down to a multiple of d since the zero time.',
    },
  ],
};

const DURATION_CLASS: LuaClass = {
  name: 'Duration',
  doc: 'A span of time in nanoseconds, as Go\'s `time.Duration`. `tostring(d)` is Go\'s "1h30m0s", "1.5µs".',
  methods: [
    getter('d', 'nanoseconds', 'integer', 'Whole nanoseconds.'),
    getter('d', 'microseconds', 'integer', 'Whole microseconds (truncated).'),
    getter('d', 'milliseconds', 'integer', 'Whole milliseconds (truncated).'),
    getter('d', 'seconds', 'number', 'Seconds, with the fraction.'),
    getter('d', 'minutes', 'number', 'Minutes, with the fraction.'),
    getter('d', 'hours', 'number', 'Hours, with the fraction.'),
  ],
};

const LOCATION: LuaClass = {
  name: 'Location',
  doc: 'A time zone. `tostring(loc)` is its name.',
  methods: [
    getter(
      'loc',
      'string',
      'string',
      'The name: "UTC", "Local", "America/New_York", a fixed zone\'s name.',
    ),
  ],
};

const channelOf = (cls: string, what: string): LuaFunctionDoc[] => [
  getter(cls, 'response', 'channel', `The channel that receives ${what}; the same every call.`),
  getter(cls, 'channel', 'channel', 'Alias of `response()`.'),
];

const TIMER: LuaClass = {
  name: 'Timer',
  doc: 'A one-shot timer from `time.timer`.',
  methods: [
    ...channelOf('timer', 'one Time when the timer fires (then it closes)'),
    getter(
      'timer',
      'stop',
      'boolean',
      'Cancels the timer and closes its channel; true if it had not fired yet.',
    ),
    {
      name: 'reset',
      signature: 'timer:reset(d)',
      params: [duration()],
      returns: 'boolean',
      doc: 'Re-arms a timer that has not fired (true); a fired or stopped one stays so (false). A bad or non-positive d raises.',
    },
  ],
};

const TICKER: LuaClass = {
  name: 'Ticker',
  doc: 'A periodic timer from `time.ticker`.',
  methods: [
    ...channelOf('ticker', 'a Time every period (16 buffered; ticks beyond are dropped)'),
    getter('ticker', 'stop', 'boolean', 'Stops the ticker and closes its channel; returns true.'),
  ],
};

const timerFunction = (name: string, returns: string, doc: string): LuaFunctionDoc => ({
  name,
  signature: `time.${name}(d)`,
  params: [duration()],
  returns,
  doc: `${doc} \`d\` must be > 0, else \`nil, err\` (INVALID).`,
});

export const TIME_MODULE: LuaModule = {
  name: 'time',
  doc:
    'Time values, durations, time zones and timers, as on the platform. A number given as a ' +
    'duration is nanoseconds (`5 * time.SECOND`); strings are Go durations ("30s", "1m30s").',
  global: true,
  functions: [
    {
      name: 'sleep',
      signature: 'time.sleep(d)',
      params: [duration()],
      returns: 'nothing | nil, err',
      doc: 'Suspends the calling task for `d`; other tasks keep running. A bad duration returns `nil, err` (INVALID).',
    },
    {
      name: 'now',
      signature: 'time.now()',
      params: [],
      returns: 'Time',
      doc: 'The current time (local location).',
    },
    timerFunction(
      'after',
      'channel | nil, err',
      'A channel that receives the Time once after `d`, then closes.',
    ),
    timerFunction('timer', 'Timer | nil, err', 'A one-shot timer that can be stopped or reset.'),
    timerFunction('ticker', 'Ticker | nil, err', 'A timer that fires every `d` until stopped.'),
    {
      name: 'date',
      signature: 'time.date(year, month, day, hour, min, sec, nsec [, loc])',
      params: [
        { name: 'year', type: 'number', doc: 'Year.' },
        { name: 'month', type: 'number', doc: 'Month, 1-12 (`time.DECEMBER`).' },
        { name: 'day', type: 'number', doc: 'Day of the month.' },
        { name: 'hour', type: 'number', doc: 'Hour, 0-23.' },
        { name: 'min', type: 'number', doc: 'Minute.' },
        { name: 'sec', type: 'number', doc: 'Second.' },
        { name: 'nsec', type: 'number', doc: 'Nanosecond.' },
        { name: 'loc', type: 'Location', optional: true, doc: 'Default `time.localtz`.' },
      ],
      returns: 'Time',
      doc: 'A Time from its parts; out-of-range parts normalise as Go (month 13 is January next year).',
    },
    {
      name: 'unix',
      signature: 'time.unix(sec, nsec)',
      params: [
        { name: 'sec', type: 'number', doc: 'Seconds since 1970-01-01 UTC.' },
        { name: 'nsec', type: 'number', doc: 'Nanoseconds to add (required).' },
      ],
      returns: 'Time',
      doc: 'A Time from a Unix timestamp, in the local location.',
    },
    {
      name: 'parse',
      signature: 'time.parse(layout, value [, loc])',
      params: [
        { name: 'layout', type: 'string', doc: 'Go layout, e.g. `time.RFC3339`, "2006-01-02".' },
        { name: 'value', type: 'string', doc: 'The text to parse.' },
        {
          name: 'loc',
          type: 'Location',
          optional: true,
          doc: 'For a value without a zone; default `time.localtz`.',
        },
      ],
      returns: 'Time | nil, err',
      doc: "Go's `time.ParseInLocation`; a failure returns `nil, err` (INVALID) with Go's message.",
    },
    {
      name: 'parse_duration',
      signature: 'time.parse_duration(value)',
      params: [duration('value')],
      returns: 'Duration | nil, err',
      doc: 'A Duration object; a bad value returns `nil, err` (INVALID).',
    },
    {
      name: 'load_location',
      signature: 'time.load_location(name)',
      params: [
        { name: 'name', type: 'string', doc: 'IANA name ("Europe/Berlin"), "UTC" or "Local".' },
      ],
      returns: 'Location | nil, err',
      doc: "A time zone from the engine's Intl data; unknown is `nil, err` (NOT_FOUND), empty is INVALID.",
    },
    {
      name: 'fixed_zone',
      signature: 'time.fixed_zone(name, offset)',
      params: [
        { name: 'name', type: 'string', doc: 'Zone name, printed by the "MST" layout element.' },
        { name: 'offset', type: 'number', doc: 'Seconds east of UTC.' },
      ],
      returns: 'Location',
      doc: 'A zone at a fixed offset from UTC.',
    },
  ],
  constants: CONSTANTS,
  tables: [],
  classes: [TIME, DURATION_CLASS, LOCATION, TIMER, TICKER],
  errors: [
    { condition: 'invalid duration (type or text)', kind: 'INVALID', retryable: false },
    { condition: 'duration <= 0 (after, timer, ticker)', kind: 'INVALID', retryable: false },
    { condition: 'parse failed', kind: 'INVALID', retryable: false },
    { condition: 'empty location name', kind: 'INVALID', retryable: false },
    { condition: 'location not found', kind: 'NOT_FOUND', retryable: false },
  ],
};
