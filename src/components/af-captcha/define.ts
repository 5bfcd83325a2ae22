import { defineElement } from '../shared/define.js';
import { CaptchaField } from './af-captcha.js';

defineElement('af-captcha', CaptchaField);

declare global {
  interface HTMLElementTagNameMap {
    'af-captcha': CaptchaField;
  }
}

export { CaptchaField };
