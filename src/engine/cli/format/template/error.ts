/** A parse or execution error, worded exactly as Go prints it ("template: :1: unclosed action"). */
export class TemplateError extends Error {}
