// The form's captcha field, `<af-captcha>` (proof-of-work, or a provider's checkbox), registered
// when the reader first touches a form that has a captcha: a page where nobody writes never
// downloads it.
import '../../af-captcha/define.js';
