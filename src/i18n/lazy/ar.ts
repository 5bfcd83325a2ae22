import type { Catalogue } from '../types.js';

/**
 * Arabic (Modern Standard), in the polite passive of Arabic news sites ("يُرجى…"). Plurals have
 * all six CLDR categories: `zero` 0, `one` 1 and `two` 2 spell the number out ("تعليقان");
 * `few` 3–10 take the plural; `many` 11–99 the accusative singular; `other` 100+ the singular.
 * Numbers and dates come from Intl, in the digits the page's `lang` asks for.
 */
const arabic: Catalogue = {
  'feedback.heading': 'أضف تعليقًا',
  'feedback.rateLabel': 'قيّم هذا المقال:',

  'form.label': 'اكتب تعليقًا',
  'form.email': 'البريد الإلكتروني',
  'form.name': 'الاسم',
  'form.message': 'التعليق',
  'form.rating': 'تقييمك',
  'form.honeypot': 'اترك هذا الحقل فارغًا',
  'form.submit': 'نشر التعليق',
  'form.reply': 'نشر الرد',
  'form.sending': 'جارٍ الإرسال…',
  'form.valid': 'كل شيء على ما يرام!',
  'form.charsLeft': (c) =>
    c === 'zero'
      ? 'لم يتبقَّ أي حرف'
      : c === 'one'
        ? 'تبقّى حرف واحد'
        : c === 'two'
          ? 'تبقّى حرفان'
          : c === 'few'
            ? 'تبقّت {n} أحرف'
            : c === 'many'
              ? 'تبقّى {n} حرفًا'
              : 'تبقّى {n} حرف',
  'form.invalidCount': (c) =>
    c === 'zero'
      ? 'لا توجد حقول تحتاج إلى مراجعة.'
      : c === 'one'
        ? 'حقل واحد يحتاج إلى مراجعتك.'
        : c === 'two'
          ? 'حقلان يحتاجان إلى مراجعتك.'
          : c === 'few'
            ? '{n} حقول تحتاج إلى مراجعتك.'
            : c === 'many'
              ? '{n} حقلًا تحتاج إلى مراجعتك.'
              : '{n} حقل تحتاج إلى مراجعتك.',
  'form.published': 'شكرًا لك! تم نشر تعليقك.',
  'form.pending': 'شكرًا لك! تعليقك بانتظار المراجعة.',
  'form.rateLimited': (c) =>
    c === 'zero'
      ? 'أنت تعلّق بسرعة كبيرة. يُرجى المحاولة مرة أخرى بعد {n} ثانية.'
      : c === 'one'
        ? 'أنت تعلّق بسرعة كبيرة. يُرجى المحاولة مرة أخرى بعد ثانية واحدة.'
        : c === 'two'
          ? 'أنت تعلّق بسرعة كبيرة. يُرجى المحاولة مرة أخرى بعد ثانيتين.'
          : c === 'few'
            ? 'أنت تعلّق بسرعة كبيرة. يُرجى المحاولة مرة أخرى بعد {n} ثوانٍ.'
            : c === 'many'
              ? 'أنت تعلّق بسرعة كبيرة. يُرجى المحاولة مرة أخرى بعد {n} ثانية.'
              : 'أنت تعلّق بسرعة كبيرة. يُرجى المحاولة مرة أخرى بعد {n} ثانية.',
  'form.failed': 'تعذّر إرسال تعليقك. تم حفظه هنا — يُرجى المحاولة مرة أخرى.',
  'form.retry': 'إعادة المحاولة',
  'form.rejected': 'لم يُقبل تعليقك. يُرجى مراجعته والمحاولة مرة أخرى.',
  'form.draftRestored': 'تمت استعادة تعليقك غير المُرسَل.',

  'email.required': 'يُرجى إدخال البريد الإلكتروني.',
  'email.invalid': 'يُرجى إدخال بريد إلكتروني صالح.',
  'email.tooLong': 'عنوان البريد الإلكتروني هذا طويل جدًا.',
  'name.required': 'يُرجى إدخال اسمك.',
  'name.tooLong': 'يُرجى ألا يتجاوز الاسم {max} حرفًا.',
  'name.control': 'يُرجى إزالة رموز التحكم غير المرئية من الاسم.',
  'message.required': 'يُرجى كتابة تعليق.',
  'message.tooLong': 'يُرجى اختصار التعليق إلى {max} حرف كحد أقصى.',
  'message.control': 'يُرجى إزالة رموز التحكم غير المرئية من التعليق.',
  'rating.required': 'يُرجى تقييم هذا المقال.',
  'rating.range': 'يُرجى اختيار ما بين نجمة واحدة و{max} نجوم.',
  'captcha.required': 'يُرجى تأكيد reCAPTCHA.',
  'captcha.requiredOther': 'يُرجى إكمال اختبار التحقق.',
  'captcha.invalid': 'تعذّر التحقق. يُرجى المحاولة مرة أخرى.',
  'captcha.label': 'الحماية من الرسائل المزعجة',
  'captcha.verifying': 'جارٍ التحقق…',
  'captcha.verified': 'تم التحقق',
  'captcha.error': 'فشل التحقق. يُرجى المحاولة مرة أخرى.',
  'captcha.unavailable': 'تعذّر تحميل اختبار التحقق. يُرجى المحاولة لاحقًا.',
  'parent.invalid': 'التعليق الذي تردّ عليه لم يعد متاحًا.',
  'voter.invalid': 'أرسل متصفحك معرّف تصويت غير صالح. يُرجى إعادة تحميل الصفحة.',
  'field.invalid': 'هذه القيمة غير صالحة.',

  'rating.label': 'التقييم',
  'rating.star': '{n} من {max} نجوم',
  'rating.summary': (c) =>
    c === 'zero'
      ? '{average} · لا توجد تقييمات'
      : c === 'one'
        ? '{average} · تقييم واحد'
        : c === 'two'
          ? '{average} · تقييمان'
          : c === 'few'
            ? '{average} · {n} تقييمات'
            : c === 'many'
              ? '{average} · {n} تقييمًا'
              : '{average} · {n} تقييم',
  'rating.none': 'لا توجد تقييمات بعد',
  'rating.thanks': 'شكرًا على تقييمك!',
  'rating.failed': 'تعذّر حفظ تقييمك. يُرجى المحاولة مرة أخرى.',
  'rating.rateLimited': (c) =>
    c === 'zero'
      ? 'أصوات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد {n} ثانية.'
      : c === 'one'
        ? 'أصوات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد ثانية واحدة.'
        : c === 'two'
          ? 'أصوات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد ثانيتين.'
          : c === 'few'
            ? 'أصوات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد {n} ثوانٍ.'
            : c === 'many'
              ? 'أصوات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد {n} ثانية.'
              : 'أصوات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد {n} ثانية.',
  'rating.hint': 'اختر بمفاتيح الأسهم، ثم اضغط Enter للتصويت.',

  'list.label': 'التعليقات',
  'list.empty': 'كن أول من يعلّق',
  'list.loading': 'جارٍ تحميل التعليقات…',
  'list.loadMore': 'عرض المزيد من التعليقات',
  'list.loadingMore': 'جارٍ التحميل…',
  'list.count': (c) =>
    c === 'zero'
      ? 'لا توجد تعليقات'
      : c === 'one'
        ? 'تعليق واحد'
        : c === 'two'
          ? 'تعليقان'
          : c === 'few'
            ? '{n} تعليقات'
            : c === 'many'
              ? '{n} تعليقًا'
              : '{n} تعليق',
  'list.error': 'تعذّر تحميل التعليقات.',
  'list.retry': 'إعادة المحاولة',
  'list.reply': 'رد',
  'list.cancelReply': 'إلغاء الرد',
  'list.replyTo': 'رد على {name}',
  'list.pending': 'بانتظار المراجعة',
  'list.sortLabel': 'ترتيب التعليقات',
  'list.sortNewest': 'الأحدث أولًا',
  'list.sortOldest': 'الأقدم أولًا',
  'list.rated': 'قيّم بـ {n} من {max} نجوم',
  // ---- notifications (#16) ----
  'form.notify': 'أرسل لي بريدًا إلكترونيًا عندما يردّ أحدهم',
  // #18 count
  'count.comments': (c) =>
    c === 'zero'
      ? 'لا توجد تعليقات'
      : c === 'one'
        ? 'تعليق واحد'
        : c === 'two'
          ? 'تعليقان'
          : c === 'few'
            ? '{n} تعليقات'
            : c === 'many'
              ? '{n} تعليقًا'
              : '{n} تعليق',
  'count.rated': (c) =>
    c === 'one'
      ? 'التقييم {average} من {max} من قارئ واحد'
      : c === 'two'
        ? 'التقييم {average} من {max} من قارئَين'
        : c === 'few'
          ? 'التقييم {average} من {max} من {n} قرّاء'
          : c === 'many'
            ? 'التقييم {average} من {max} من {n} قارئًا'
            : c === 'zero'
              ? 'التقييم {average} من {max} من {n} قارئ'
              : 'التقييم {average} من {max} من {n} قارئ',
  // #18 reader-widget
  'list.sortBest': 'الأفضل أولًا',
  'list.upvote': (c) =>
    c === 'zero'
      ? 'تصويت بالتأييد، لا أصوات'
      : c === 'one'
        ? 'تصويت بالتأييد، صوت واحد'
        : c === 'two'
          ? 'تصويت بالتأييد، صوتان'
          : c === 'few'
            ? 'تصويت بالتأييد، {n} أصوات'
            : c === 'many'
              ? 'تصويت بالتأييد، {n} صوتًا'
              : 'تصويت بالتأييد، {n} صوت',
  'list.downvote': (c) =>
    c === 'zero'
      ? 'تصويت بالرفض، لا أصوات'
      : c === 'one'
        ? 'تصويت بالرفض، صوت واحد'
        : c === 'two'
          ? 'تصويت بالرفض، صوتان'
          : c === 'few'
            ? 'تصويت بالرفض، {n} أصوات'
            : c === 'many'
              ? 'تصويت بالرفض، {n} صوتًا'
              : 'تصويت بالرفض، {n} صوت',
  'list.voteFailed': 'تعذّر حفظ تصويتك. يُرجى المحاولة مرة أخرى.',
  'list.edit': 'تعديل',
  'list.delete': 'حذف',
  'list.save': 'حفظ',
  'list.cancel': 'إلغاء',
  'list.saved': 'تم تحديث تعليقك.',
  'list.confirmDelete': 'هل تريد حذف هذا التعليق؟',
  'list.keep': 'إبقاؤه',
  'list.deletedYours': 'تم حذف تعليقك.',
  'list.deleted': 'تم حذف هذا التعليق.',
  'list.edited': 'معدَّل',
  'list.editClosed': 'انتهت مدة تعديل هذا التعليق.',
  'list.editRefused': 'لم يعد بالإمكان تغيير هذا التعليق من هذا المتصفح.',
  'list.changeFailed': 'تعذّر تغيير تعليقك. يُرجى المحاولة مرة أخرى.',
  'form.preview': 'معاينة',
  'form.previewEmpty': 'لا يوجد ما يُعاين بعد.',
  'form.formatHelp': 'مساعدة التنسيق',
  'form.formatSample': '**عريض**\n*مائل*\n`شيفرة`\n> اقتباس\n- عنصر قائمة\n1. عنصر مرقّم\n[رابط](https://example.com)',
  'form.formatNote': 'سطر من ثلاث علامات (```) قبل بضعة أسطر وبعدها يصنع كتلة شيفرة. كل ما عدا ذلك يظهر كما كتبته.',
};
export default arabic;
