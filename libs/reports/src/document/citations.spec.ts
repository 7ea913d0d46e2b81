import { localizeCitation } from './citations';

describe('localizeCitation', () => {
  it('cites Japanese statutes by 条・項・号 in Japanese', () => {
    expect(localizeCitation('APPI Art. 32(1)(i)', 'ja')).toBe('個人情報保護法第32条第1項第1号');
    expect(localizeCitation('APPI Rules 24(1)(ii)', 'ja')).toBe('個人情報保護法施行規則第24条第1項第2号');
    expect(localizeCitation('Order Art. 10(i)', 'ja')).toBe('個人情報保護法施行令第10条第1号');
    expect(localizeCitation('ESA Art. 5-5(1)', 'ja')).toBe('職業安定法第5条の5第1項');
    expect(localizeCitation('GDPR Art. 30(1)(a)', 'ja')).toBe('GDPR第30条第1項(a)');
  });

  it('leaves English, and text that is no citation, as it is', () => {
    expect(localizeCitation('APPI Rules 24(1)(ii)', 'en')).toBe('APPI Rules 24(1)(ii)');
    expect(localizeCitation('法第27条第1項', 'ja')).toBe('法第27条第1項');
    expect(localizeCitation('see APPI Art. 27(1) and APPI Art. 28(1)', 'ja')).toBe('see 個人情報保護法第27条第1項 and 個人情報保護法第28条第1項');
  });
});
