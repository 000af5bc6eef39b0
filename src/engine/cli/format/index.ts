// The CLI's output formatters: one import for handlers.
export * from './units';
export * from './text';
export * from './table';
export * from './ports';
export * from './time';
export * from './gofmt';
export * from './template';
export * from './list';
