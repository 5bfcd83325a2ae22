/**
 * Picks the captcha named by `CAPTCHA` once, at start. Routes only see the `Captcha` interface.
 */
import type { Config } from '../config.js';
import type { Store } from '../store/types.js';
import { createPowCaptcha } from './pow.js';
import { createProviderCaptcha } from './providers.js';
import type { Captcha } from './types.js';

export type { Captcha, CaptchaVerdict } from './types.js';

/** `CAPTCHA=none`: nothing to show, everything passes. */
export const noCaptcha: Captcha = {
  describe: () => Promise.resolve({ provider: 'none' }),
  verify: () => Promise.resolve('ok'),
};

export function createCaptcha(config: Config, store: Pick<Store, 'useCaptchaSolution'>): Captcha {
  switch (config.captcha) {
    case 'none':
      return noCaptcha;
    case 'pow':
      return createPowCaptcha({ secret: config.secret, powMaxNumber: config.powMaxNumber }, store);
    case 'recaptcha':
    case 'hcaptcha':
    case 'turnstile':
      return createProviderCaptcha({
        captcha: config.captcha,
        captchaSiteKey: config.captchaSiteKey,
        captchaSecret: config.captchaSecret,
        captchaVerifyUrl: config.captchaVerifyUrl,
        captchaHostnames: config.captchaHostnames,
        captchaAction: config.captchaAction,
      });
  }
}
