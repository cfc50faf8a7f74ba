// jsdom as the pane's tests need it: the browser's TextEncoder/TextDecoder, and a ResizeObserver that
// never fires (jsdom has no layout; Fluent's tab list observes its size).
const { TestEnvironment } = require('jest-environment-jsdom');
const { TextDecoder, TextEncoder } = require('util');

module.exports = class PaneEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.TextDecoder = TextDecoder;
    this.global.TextEncoder = TextEncoder;
    this.global.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
};
