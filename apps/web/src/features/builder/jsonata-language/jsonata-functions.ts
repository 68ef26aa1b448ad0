/** A JSONata built-in function as completion shows it. */
export interface JsonataFunction {
  name: string;
  signature: string;
  description: string;
}

/** JSONata 2.x built-ins (docs.jsonata.org), grouped as the docs group them. */
export const JSONATA_FUNCTIONS: readonly JsonataFunction[] = [
  // String
  { name: '$string', signature: '$string(arg, prettify?)', description: 'Converts a value to a string (JSON for objects).' },
  { name: '$length', signature: '$length(str)', description: 'Number of characters in a string.' },
  { name: '$substring', signature: '$substring(str, start, length?)', description: 'Part of a string, from a 0-based start.' },
  { name: '$substringBefore', signature: '$substringBefore(str, chars)', description: 'The part before the first occurrence of chars.' },
  { name: '$substringAfter', signature: '$substringAfter(str, chars)', description: 'The part after the first occurrence of chars.' },
  { name: '$uppercase', signature: '$uppercase(str)', description: 'Upper-cases a string.' },
  { name: '$lowercase', signature: '$lowercase(str)', description: 'Lower-cases a string.' },
  { name: '$trim', signature: '$trim(str)', description: 'Removes surrounding whitespace and collapses inner runs.' },
  { name: '$pad', signature: '$pad(str, width, char?)', description: 'Pads a string to a width (negative pads on the left).' },
  { name: '$contains', signature: '$contains(str, pattern)', description: 'True when the string contains the text or matches the regex.' },
  { name: '$split', signature: '$split(str, separator, limit?)', description: 'Splits a string into an array.' },
  { name: '$join', signature: '$join(array, separator?)', description: 'Joins an array of strings.' },
  { name: '$match', signature: '$match(str, pattern, limit?)', description: 'Regex matches with groups and positions.' },
  { name: '$replace', signature: '$replace(str, pattern, replacement, limit?)', description: 'Replaces text or regex matches.' },
  { name: '$base64encode', signature: '$base64encode(str)', description: 'Encodes a string as Base64.' },
  { name: '$base64decode', signature: '$base64decode(str)', description: 'Decodes a Base64 string.' },
  { name: '$encodeUrlComponent', signature: '$encodeUrlComponent(str)', description: 'Escapes a string for use in a URL part.' },
  { name: '$encodeUrl', signature: '$encodeUrl(str)', description: 'Escapes a whole URL.' },
  { name: '$decodeUrlComponent', signature: '$decodeUrlComponent(str)', description: 'Reverses $encodeUrlComponent.' },
  { name: '$decodeUrl', signature: '$decodeUrl(str)', description: 'Reverses $encodeUrl.' },
  // Numeric
  { name: '$number', signature: '$number(arg)', description: 'Converts a string or boolean to a number.' },
  { name: '$abs', signature: '$abs(number)', description: 'Absolute value.' },
  { name: '$floor', signature: '$floor(number)', description: 'Rounds down.' },
  { name: '$ceil', signature: '$ceil(number)', description: 'Rounds up.' },
  { name: '$round', signature: '$round(number, precision?)', description: 'Rounds half to even, to a number of decimals.' },
  { name: '$power', signature: '$power(base, exponent)', description: 'base to the power of exponent.' },
  { name: '$sqrt', signature: '$sqrt(number)', description: 'Square root.' },
  { name: '$random', signature: '$random()', description: 'A random number between 0 and 1.' },
  {
    name: '$formatNumber',
    signature: '$formatNumber(number, picture, options?)',
    description: 'Formats a number with a picture such as "#,##0.00".',
  },
  { name: '$formatBase', signature: '$formatBase(number, radix?)', description: 'Writes a number in another base.' },
  { name: '$formatInteger', signature: '$formatInteger(number, picture)', description: 'Writes an integer as words, roman numerals...' },
  { name: '$parseInteger', signature: '$parseInteger(str, picture)', description: 'Reads an integer written with a picture.' },
  // Aggregation
  { name: '$sum', signature: '$sum(array)', description: 'Sum of the numbers.' },
  { name: '$max', signature: '$max(array)', description: 'Largest number.' },
  { name: '$min', signature: '$min(array)', description: 'Smallest number.' },
  { name: '$average', signature: '$average(array)', description: 'Mean of the numbers.' },
  // Boolean
  { name: '$boolean', signature: '$boolean(arg)', description: 'The truthiness of a value.' },
  { name: '$not', signature: '$not(arg)', description: 'Logical NOT.' },
  { name: '$exists', signature: '$exists(arg)', description: 'True when the value is present.' },
  // Array
  { name: '$count', signature: '$count(array)', description: 'Number of items.' },
  { name: '$append', signature: '$append(array1, array2)', description: 'Joins two arrays.' },
  { name: '$sort', signature: '$sort(array, function?)', description: 'Sorts an array.' },
  { name: '$reverse', signature: '$reverse(array)', description: 'Reverses an array.' },
  { name: '$shuffle', signature: '$shuffle(array)', description: 'Random order.' },
  { name: '$distinct', signature: '$distinct(array)', description: 'Removes duplicates.' },
  { name: '$zip', signature: '$zip(array1, ...)', description: 'Pairs up items of several arrays.' },
  // Object
  { name: '$keys', signature: '$keys(object)', description: 'The keys of an object.' },
  { name: '$lookup', signature: '$lookup(object, key)', description: 'The value of a key.' },
  { name: '$spread', signature: '$spread(object)', description: 'One object per key/value pair.' },
  { name: '$merge', signature: '$merge(array<object>)', description: 'Merges objects into one.' },
  { name: '$sift', signature: '$sift(object, function)', description: 'Keeps the pairs for which the function is true.' },
  { name: '$each', signature: '$each(object, function)', description: 'Calls a function for each pair.' },
  { name: '$error', signature: '$error(message)', description: 'Stops with an error.' },
  { name: '$assert', signature: '$assert(condition, message)', description: 'Stops with an error unless the condition is true.' },
  { name: '$type', signature: '$type(value)', description: 'The JSON type of a value.' },
  // Date and time
  { name: '$now', signature: '$now(picture?, timezone?)', description: 'The run’s timestamp as ISO 8601.' },
  { name: '$millis', signature: '$millis()', description: 'The run’s timestamp in milliseconds.' },
  { name: '$fromMillis', signature: '$fromMillis(number, picture?, timezone?)', description: 'Milliseconds to a date string.' },
  { name: '$toMillis', signature: '$toMillis(timestamp, picture?)', description: 'A date string to milliseconds.' },
  // Higher order
  { name: '$map', signature: '$map(array, function)', description: 'Applies a function to each item.' },
  { name: '$filter', signature: '$filter(array, function)', description: 'Keeps the items for which the function is true.' },
  { name: '$single', signature: '$single(array, function?)', description: 'The one item that matches, or an error.' },
  { name: '$reduce', signature: '$reduce(array, function, init?)', description: 'Folds an array into one value.' },
];

export const JSONATA_KEYWORDS = ['and', 'or', 'in', 'true', 'false', 'null', 'function'] as const;
