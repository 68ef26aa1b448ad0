export * from './field-path';
export * from './jsonata-completion';
export * from './jsonata-extension';
export * from './jsonata-functions';
export * from './jsonata-lint';
export * from './jsonata-tokenizer';
