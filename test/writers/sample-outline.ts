/**
 * The outline of the sample letter (fixtures/min-fu-xie-han-2024-8.txt, 闽扶协函〔2024〕8号), written out by hand
 * from the letter, with its 30 recipients expanded as the design brief describes. The writers are tested on it
 * without depending on the parser or the units module.
 */
import { OUTLINE_SCHEMA_VERSION, type Outline, type Recipient, type Task } from '../../src/model/outline.js';

const DRAFT = '关于深入学习贯彻习近平总书记重要指示精神高质量推进闽宁协作工作的实施意见（2024—2026年）（征求意见稿）';
const PROVINCE = '省直有关单位';
const CITIES = '有关设区市对口支援工作领导小组';

/** Task number, title, and the recipients that answer for it (各市、县〔区〕 → the five city groups). */
const TASKS: [string, string, string[]][] = [
  ['1', '提升产业质效', ['省农业农村厅', '省发改委', '省商务厅', '省农科院', 'cities']],
  ['2', '加大金融支持', ['省财政厅', 'cities']],
  ['3', '深化科技创新', ['省科技厅', '省农业农村厅', '厦门大学', '省农科院']],
  ['4', '强化数智赋能', ['省发改委', '省工信厅', '省农业农村厅']],
  ['5', '强化产业融合', ['省发改委', '省农业农村厅', '省工信厅', '省商务厅', 'cities']],
  ['6', '强化平台建设', ['省发改委', '省工信厅', '省商务厅', 'cities']],
  ['7', '深化劳务协作', ['省人社厅', '省农业农村厅', '省教育厅', '省商务厅', 'cities']],
  ['8', '深化人才交流', ['省委组织部', '省农业农村厅', '省教育厅', '省卫健委', '省司法厅', '省科协', 'cities']],
  ['9', '深化消费帮扶协作', ['省农业农村厅', '省发改委', '省商务厅', 'cities']],
  ['10', '深化文化旅游协作', ['省文旅厅', 'cities']],
  ['11', '广泛动员社会参与', ['省农业农村厅', '省文旅厅', '省总工会', '团省委', '省妇联', '省工商联', '省科协', '省侨联', '省残联', '省体育局', 'cities']],
];

const PROVINCIAL_UNITS = [
  '省委组织部', '省发改委', '省教育厅', '省科技厅', '省工信厅', '省司法厅', '省财政厅', '省人社厅', '省农业农村厅',
  '省商务厅', '省文旅厅', '省卫健委', '省广电局', '省体育局', '国家金融监管总局福建省分局', '省农科院', '厦门大学',
  '省总工会', '团省委', '省妇联', '省科协', '省侨联', '省残联', '省工商联',
];
/** 全称 as the alias table gives them (units/recipients.ts), for the documents a unit signs. */
const FULL_NAMES: Record<string, string> = { 省科技厅: '福建省科学技术厅', 省发改委: '福建省发展和改革委员会', 团省委: '共青团福建省委员会' };

const CITY_UNITS = ['福州', '厦门', '漳州', '泉州', '莆田'].map((city) => `${city}市对口支援工作领导小组`);

function recipientsOf(): Recipient[] {
  const units: [string, string | null][] = [
    ...PROVINCIAL_UNITS.map((name): [string, string] => [name, PROVINCE]),
    ['省第十三批援宁工作队', null],
    ...CITY_UNITS.map((name): [string, string] => [name, CITIES]),
  ];
  return units.map(([name, group], index) => ({
    id: `r${String(index + 1).padStart(2, '0')}`,
    name,
    ...(FULL_NAMES[name] ? { fullName: FULL_NAMES[name] } : {}),
    group,
    aliases: [],
    tasks: TASKS.filter(([, , units]) => units.includes(name) || (group === CITIES && units.includes('cities'))).map(([number]) => number),
  }));
}

function tasksOf(recipients: Recipient[]): Task[] {
  return TASKS.map(([number, title], index) => ({
    id: `a1:${number}`,
    number,
    title,
    path: ['二、重点任务'],
    text: `${title}。`,
    deadline: null,
    responsibleUnits: [],
    recipients: recipients.filter((recipient) => recipient.tasks.includes(number)).map((recipient) => recipient.name),
    attachment: 1,
    line: 39 + 2 * index,
  }));
}

export function sampleOutline(): Outline {
  const recipients = recipientsOf();
  return {
    schemaVersion: OUTLINE_SCHEMA_VERSION,
    source: { path: 'fixtures/min-fu-xie-han-2024-8.txt', format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64) },
    letter: {
      copyNumber: null,
      secrecy: null,
      urgency: null,
      issuer: '福建省东西部扶贫协作工作办公室',
      docNumber: { text: '闽扶协函〔2024〕8号', agency: '闽扶协函', year: 2024, serial: 8 },
      signers: [],
      title: `福建省东西部扶贫协作工作办公室关于征求《${DRAFT}》意见建议的函`,
      kind: '函',
      mainRecipients: [PROVINCE, '省第十三批援宁工作队', CITIES],
      deadline: '2024-10-18',
      replyTo: null,
      contacts: [{ name: '周善杰', department: null, phones: ['18960838088'], faxes: ['0591-88610051'], emails: [] }],
      attachmentNotes: [
        { index: 1, title: DRAFT },
        { index: 2, title: '省直有关单位、有关设区市对口支援工作领导小组名单' },
      ],
      signature: '福建省东西部扶贫协作工作办公室',
      date: '2024-10-14',
      notes: null,
      copyTo: [],
      printedBy: null,
      printedDate: null,
    },
    attachments: [
      { index: 1, title: DRAFT, draftLabel: '征求意见稿', line: 23, sections: [] },
      { index: 2, title: '省直有关单位，有关设区市对口支援工作领导小组名单', draftLabel: null, line: 77, sections: [] },
    ],
    tasks: tasksOf(recipients),
    unitLists: [],
    recipients,
    diagnostics: [],
  };
}

/** A recipient of the sample by name. */
export function recipientNamed(outline: Outline, name: string): Recipient {
  const recipient = outline.recipients.find((candidate) => candidate.name === name);
  if (!recipient) throw new Error(`no recipient ${name}`);
  return recipient;
}
