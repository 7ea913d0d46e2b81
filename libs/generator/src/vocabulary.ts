/** The words generated maps are made of: names, subjects, purposes and countries. */

/** Name stems of fictional companies, with their katakana for `nameJa`. */
export const NAME_STEMS: ReadonlyArray<readonly [string, string]> = [
  ['Aoba', 'アオバ'], ['Sakura', 'サクラ'], ['Hikari', 'ヒカリ'], ['Mirai', 'ミライ'], ['Kizuna', 'キズナ'],
  ['Tsubasa', 'ツバサ'], ['Minato', 'ミナト'], ['Hoshi', 'ホシ'], ['Yamato', 'ヤマト'], ['Asahi', 'アサヒ'],
  ['Kaede', 'カエデ'], ['Nagi', 'ナギ'], ['Sora', 'ソラ'], ['Midori', 'ミドリ'], ['Hinode', 'ヒノデ'],
  ['Kohaku', 'コハク'], ['Tenku', 'テンク'], ['Akari', 'アカリ'], ['Kasumi', 'カスミ'], ['Shinonome', 'シノノメ'],
  ['Wakaba', 'ワカバ'], ['Hibiki', 'ヒビキ'], ['Izumi', 'イズミ'], ['Kirameki', 'キラメキ'], ['Nozomi', 'ノゾミ'],
  ['Tsumugi', 'ツムギ'], ['Hayate', 'ハヤテ'], ['Komorebi', 'コモレビ'], ['Sazanami', 'サザナミ'], ['Yuzuriha', 'ユズリハ'],
  ['Ginga', 'ギンガ'], ['Hagane', 'ハガネ'], ['Kurenai', 'クレナイ'], ['Matsukaze', 'マツカゼ'], ['Ookami', 'オオカミ'],
  ['Raijin', 'ライジン'], ['Seiryu', 'セイリュウ'], ['Takumi', 'タクミ'], ['Umibe', 'ウミベ'], ['Yorozu', 'ヨロズ'],
];

/** Second words of a company name, by what the company does. */
export const BUSINESS_WORDS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  holding: [['Holdings', 'ホールディングス'], ['Group', 'グループ']],
  jobSite: [['Career', 'キャリア'], ['Jobs', 'ジョブズ'], ['Navi', 'ナビ'], ['Works', 'ワークス']],
  agency: [['Agent', 'エージェント'], ['Staffing', 'スタッフィング'], ['Human Resources', 'ヒューマンリソース'], ['Talent', 'タレント']],
  consumer: [['Retail', 'リテール'], ['Mobile', 'モバイル'], ['Finance', 'ファイナンス'], ['Travel', 'トラベル'], ['Life', 'ライフ']],
  employer: [['Industries', 'インダストリーズ'], ['Motors', 'モーターズ'], ['Electric', 'エレクトリック'], ['Foods', 'フーズ'], ['Logistics', 'ロジスティクス']],
  itSubsidiary: [['Systems', 'システムズ'], ['IT Solutions', 'ITソリューションズ']],
  processor: [['Cloud', 'クラウド'], ['Mail Services', 'メールサービス'], ['Contact Center', 'コンタクトセンター'], ['Analytics', 'アナリティクス'], ['Payroll Services', 'ペイロールサービス']],
  adPlatform: [['Ads', 'アズ'], ['Media', 'メディア'], ['Marketing Cloud', 'マーケティングクラウド']],
  broker: [['Data Bank', 'データバンク'], ['Research', 'リサーチ'], ['List Service', 'リストサービス']],
  authority: [['Tax Office', 'タックスオフィス'], ['Labour Office', 'レイバーオフィス']],
};

export const LEGAL_FORMS: Readonly<Record<string, string>> = {
  JP: 'Co., Ltd.',
  US: 'Inc.',
  SG: 'Pte. Ltd.',
  DE: 'GmbH',
  GB: 'Ltd',
  FR: 'SAS',
  NL: 'B.V.',
  CN: 'Co., Ltd.',
  IN: 'Pvt. Ltd.',
  KR: 'Co., Ltd.',
  VN: 'Co., Ltd.',
  PH: 'Inc.',
  TH: 'Co., Ltd.',
  AU: 'Pty Ltd',
};

/** Countries of APPI 28 adequacy (EEA and GB) that generated organizations use. */
export const ADEQUATE_COUNTRIES = ['DE', 'GB', 'FR', 'NL'] as const;
/** Countries without adequacy: a personal flow there needs consent naming them, equivalent measures or a legal basis. */
export const OTHER_COUNTRIES = ['US', 'SG', 'CN', 'IN', 'KR', 'VN', 'PH', 'TH', 'AU'] as const;

const ADEQUATE = new Set<string>(['JP', 'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IS', 'IE', 'IT', 'LV', 'LI', 'LT', 'LU', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'GB']);

/** Whether APPI 28 leaves a provision to this country alone (Japan or an adequate country). */
export function isDomesticOrAdequate(country: string): boolean {
  return ADEQUATE.has(country);
}

interface SubjectWord {
  id: string;
  name: string;
  jobSeeker: boolean;
}

export const JOB_SEEKER_SUBJECTS: readonly SubjectWord[] = [
  { id: 'new-graduates', name: 'Students looking for their first job', jobSeeker: true },
  { id: 'mid-career-job-seekers', name: 'Experienced professionals changing jobs', jobSeeker: true },
  { id: 'part-time-job-seekers', name: 'People looking for part-time work', jobSeeker: true },
  { id: 'temp-staff', name: 'Registered temporary staff', jobSeeker: true },
  { id: 'engineers', name: 'Engineers looking for projects or positions', jobSeeker: true },
  { id: 'healthcare-job-seekers', name: 'Nurses and care workers looking for positions', jobSeeker: true },
];

export const CONSUMER_SUBJECTS: readonly SubjectWord[] = [
  { id: 'members', name: 'Registered members of online services', jobSeeker: false },
  { id: 'shoppers', name: 'Online shoppers', jobSeeker: false },
  { id: 'app-users', name: 'Mobile app users', jobSeeker: false },
  { id: 'cardholders', name: 'Credit and point card holders', jobSeeker: false },
  { id: 'travellers', name: 'Travel booking customers', jobSeeker: false },
  { id: 'subscribers', name: 'Subscribers of mobile and media services', jobSeeker: false },
];

export const OTHER_SUBJECTS: readonly SubjectWord[] = [
  { id: 'employees', name: 'Employees', jobSeeker: false },
  { id: 'applicants', name: "Applicants to a company's own openings", jobSeeker: true },
  { id: 'passive-candidates', name: 'Professionals listed in published directories', jobSeeker: true },
  { id: 'business-contacts', name: 'Contact persons at client companies', jobSeeker: false },
  { id: 'site-visitors', name: 'Visitors of websites carrying ad tags', jobSeeker: false },
  { id: 'group-customers', name: "Customers known across a corporate group's services", jobSeeker: false },
];

export const PURPOSES: ReadonlyArray<readonly [string, string]> = [
  ['job-information', 'Providing job information to registered job seekers'],
  ['job-matching', 'Recommending job postings that match a job seeker'],
  ['scouting', 'Letting employers send scout messages to job seekers'],
  ['placement', 'Introducing job seekers to employers (placement)'],
  ['career-counseling', 'Career counselling by advisers'],
  ['recruitment-selection', 'Screening and selecting applicants'],
  ['recruiting-outreach', 'Contacting potential candidates about openings'],
  ['service-provision', 'Providing the service the customer signed up for'],
  ['member-management', 'Managing member accounts'],
  ['service-improvement', 'Improving services through usage analysis'],
  ['personalisation', 'Personalising content and recommendations'],
  ['payment-processing', 'Processing payments'],
  ['points-program', 'Running the points programme'],
  ['marketing-email', 'Sending marketing e-mail and newsletters'],
  ['customer-support', 'Answering enquiries'],
  ['fraud-prevention', 'Detecting fraud and abuse'],
  ['ad-targeting', 'Showing advertising based on interests'],
  ['ad-measurement', 'Measuring the effect of advertising'],
  ['sales-outreach', 'Contacting businesses about products'],
  ['statistics', 'Producing statistics'],
  ['research', 'Research and development'],
  ['group-services', 'Providing services across the corporate group (joint use)'],
  ['group-marketing', 'Marketing across the corporate group (joint use)'],
  ['it-operations', 'Operating and hosting IT systems'],
  ['employment-management', 'Managing employment'],
  ['payroll', 'Paying salaries'],
  ['health-management', 'Managing employee health'],
  ['tax-filing', 'Filing tax returns'],
  ['social-insurance', 'Social insurance procedures'],
  ['legal-compliance', 'Complying with laws and regulations'],
  ['risk-scoring', 'Scoring credit and churn risk'],
  ['talent-analytics', 'Analysing talent and hiring outcomes'],
];

/** Service lines of job information providers and placement agencies: id, what it is, whose data it holds. */
export const JOB_LINES: ReadonlyArray<readonly [string, string, string]> = [
  ['shinsotsu', 'new-graduate job site', 'new-graduates'],
  ['tenshoku', 'career-change job site', 'mid-career-job-seekers'],
  ['baito', 'part-time job site', 'part-time-job-seekers'],
  ['haken', 'temporary staffing', 'temp-staff'],
  ['engineer', 'engineer job board', 'engineers'],
  ['kango', 'nursing jobs', 'healthcare-job-seekers'],
  ['global', 'global careers', 'mid-career-job-seekers'],
  ['intern', 'internship site', 'new-graduates'],
  ['scout', 'scout service', 'mid-career-job-seekers'],
  ['freelance', 'freelance matching', 'engineers'],
];

/** Service lines of other consumer businesses. */
export const CONSUMER_LINES: ReadonlyArray<readonly [string, string, string]> = [
  ['shop', 'online shop', 'shoppers'],
  ['pay', 'payment app', 'cardholders'],
  ['points', 'points programme', 'cardholders'],
  ['travel', 'travel booking', 'travellers'],
  ['mobile', 'mobile carrier', 'subscribers'],
  ['news', 'news app', 'app-users'],
  ['gourmet', 'restaurant guide', 'members'],
  ['beauty', 'beauty booking', 'members'],
  ['realestate', 'real-estate portal', 'members'],
  ['auto', 'used-car marketplace', 'members'],
  ['insurance', 'insurance comparison', 'members'],
  ['edu', 'online learning', 'app-users'],
];

export const PROCESSOR_SPECIALTIES = ['cloud', 'mail', 'callcenter', 'analytics', 'payroll'] as const;
export type ProcessorSpecialty = (typeof PROCESSOR_SPECIALTIES)[number];

export const AUTHORITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['national-tax-agency', 'National Tax Agency', '国税庁'],
  ['japan-pension-service', 'Japan Pension Service', '日本年金機構'],
  ['hello-work', 'Public Employment Security Office (Hello Work)', '公共職業安定所'],
  ['labour-bureau', 'Prefectural Labour Bureau', '都道府県労働局'],
  ['municipal-tax-office', 'Municipal Tax Office', '市区町村税務課'],
];
