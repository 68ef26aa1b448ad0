import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { completeJsonata } from './jsonata-completion';
import { findJsHabits } from './js-habits';
import { lintJsonata } from './jsonata-lint';
import { findMissingFields } from './missing-fields';
import {
  copyTokenizerState,
  initialTokenizerState,
  nextToken,
  type JsonataTokenizerState,
  type JsonataTokenType,
} from './jsonata-tokenizer';

const TOKEN_TABLE: Record<JsonataTokenType, Parameters<typeof HighlightStyle.define>[0][number]['tag']> = {
  string: tags.string,
  number: tags.number,
  variable: tags.variableName,
  function: tags.function(tags.variableName),
  keyword: tags.keyword,
  atom: tags.atom,
  field: tags.propertyName,
  operator: tags.operator,
  bracket: tags.bracket,
  punctuation: tags.punctuation,
  comment: tags.blockComment,
  regex: tags.regexp,
  templateBrace: tags.special(tags.brace),
  templateText: tags.content,
  invalid: tags.invalid,
};

function streamParser(template: boolean): StreamParser<JsonataTokenizerState> {
  return {
    name: template ? 'jsonata-template' : 'jsonata',
    startState: () => initialTokenizerState({ template }),
    copyState: copyTokenizerState,
    token(stream, state) {
      const { end, type } = nextToken(stream.string, stream.pos, state);
      stream.pos = Math.max(end, stream.pos + 1);
      return type;
    },
    tokenTable: TOKEN_TABLE as StreamParser<JsonataTokenizerState>['tokenTable'],
    languageData: { commentTokens: { block: { open: '/*', close: '*/' } } },
  };
}

/** JSONata as a CodeMirror 6 language (stream parser over our own tokenizer). */
export const jsonataLanguage = StreamLanguage.define(streamParser(false));
/** Text with `{{ JSONata }}` placeholders. */
export const jsonataTemplateLanguage = StreamLanguage.define(streamParser(true));

export const jsonataHighlightStyle = HighlightStyle.define([
  { tag: tags.string, color: '#0a7f4f' },
  { tag: tags.number, color: '#b45309' },
  { tag: tags.atom, color: '#b45309' },
  { tag: tags.variableName, color: '#7c3aed' },
  { tag: tags.function(tags.variableName), color: '#2563eb', fontWeight: '600' },
  { tag: tags.keyword, color: '#be185d', fontWeight: '600' },
  { tag: tags.propertyName, color: '#111827' },
  { tag: tags.operator, color: '#be185d' },
  { tag: [tags.bracket, tags.punctuation], color: '#6b7280' },
  { tag: tags.blockComment, color: '#6b7280', fontStyle: 'italic' },
  { tag: tags.regexp, color: '#c2410c' },
  { tag: tags.special(tags.brace), color: '#4338ca', fontWeight: '700' },
  { tag: tags.content, color: '#374151' },
  { tag: tags.invalid, color: '#b42318', textDecoration: 'underline wavy' },
]);

export interface JsonataExtensionOptions {
  /** `{{ }}` template instead of a plain expression. */
  template?: boolean;
  /** The document completion reads field names from (`{ trigger, steps }`), read at each completion. */
  getRoot: () => unknown;
  /** Variables in scope (`$item`, `$index` inside a loop), by name without `$`. */
  getVariables?: () => Record<string, unknown>;
}

/** Language, highlighting, syntax linting and completion for one JSONata field. */
export function jsonataSupport(options: JsonataExtensionOptions): Extension[] {
  const template = options.template ?? false;
  const complete = (context: CompletionContext): CompletionResult | null => {
    const result = completeJsonata({
      text: context.state.doc.toString(),
      pos: context.pos,
      root: options.getRoot(),
      variables: options.getVariables?.(),
      template,
      explicit: context.explicit,
    });
    if (!result) return null;
    return {
      from: result.from,
      options: result.options.map((option) => ({ ...option, boost: option.type === 'variable' ? 1 : 0 })),
      validFor: /^[$\w]*$/,
    };
  };
  return [
    template ? jsonataTemplateLanguage : jsonataLanguage,
    syntaxHighlighting(jsonataHighlightStyle),
    linter(
      (view): Diagnostic[] => [
        ...findJsHabits({ text: view.state.doc.toString(), template }).map((habit): Diagnostic => ({
          from: habit.from,
          to: habit.to,
          severity: 'warning',
          message: habit.message,
        })),
        ...findMissingFields({
          text: view.state.doc.toString(),
          template,
          root: options.getRoot(),
          variables: options.getVariables?.(),
        }).map((missing): Diagnostic => ({ from: missing.from, to: missing.to, severity: 'warning', message: missing.message })),
        ...lintJsonata({ text: view.state.doc.toString(), template }).map((diagnostic): Diagnostic => ({
          from: diagnostic.from,
          to: diagnostic.to,
          severity: 'error',
          message: diagnostic.message,
          source: diagnostic.code,
        })),
      ],
      { delay: 200 },
    ),
    autocompletion({ override: [complete], activateOnTyping: true, icons: false }),
  ];
}
