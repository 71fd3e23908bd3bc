// Shapes found in the tune letters of the corpus (fixtures/corpus, README there), each read on the letter that
// has it: what a clerk would see wrong in the outline if the shape were not read.
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { MappedText } from '../../src/text/mapped.js';
import { normalizeText } from '../../src/text/normalize.js';
import { fixture } from '../support/cli.js';

const parse = (name: string) => parseLetter(fixture(name));
const letter = async (name: string) => (await parse(name)).letter;
const unitsOf = async (name: string, number: string): Promise<string[]> =>
  (await parse(name)).tasks.find((task) => task.number === number)?.responsibleUnits.map((unit) => unit.raw) ?? [];

describe('titles as web pages and databases print them', () => {
  it('a title in 《》 loses them and keeps its 文种', async () => {
    const { title, kind } = await letter('corpus/letters/15-jingzhengbanfa-2016-26-zhengwu-gongkai-yaodian.txt');
    expect(title).toBe('北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知');
    expect(kind).toBe('通知');
  });

  it('a title in 《》 over a numbered heading (一、征集时间) does not take the heading', async () => {
    const { title, kind } = await letter('corpus/letters/17-wudang-2022-shijian-shishi-zhengji-gonggao.txt');
    expect(title?.endsWith('拟建项目的公告')).toBe(true);
    expect(kind).toBe('公告');
  });

  it('a title with its number bracketed after it: the title without the number, the number found', async () => {
    const { title, docNumber } = await letter('corpus/letters/20-jian-jifufa-2003-37-zhengwu-gongkai-xize.txt');
    expect(title).toBe('关于印发吉安市市本级政务公开工作实施细则的通知');
    expect(docNumber?.text).toBe('吉府发〔2003〕37号');
  });

  it('a title in traditional characters over two lines, its 文种 as written', async () => {
    const { title, kind, mainRecipients } = await letter('corpus/letters/31-hubei-ezhengfa-2018-26-yingshang-huanjing-fanti.txt');
    expect(title).toBe('省人民政府關于進一步優化營商環境的若干意見');
    expect(kind).toBe('意見');
    expect(mainRecipients).toEqual(['各市、州、縣人民政府', '省政府各部門']);
  });
});

describe('主送 and 抄送 item by item', () => {
  it('splits 国务院各部委、各直属机构 but keeps the enumeration 各省、自治区、直辖市人民政府 whole', async () => {
    const { mainRecipients, mainRecipientRuns } = await letter('public/06-govcn-guobanfa-2018-117-ducha-jili.txt');
    expect(mainRecipients).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委', '各直属机构']);
    expect(mainRecipientRuns).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']);
  });

  it('keeps 中央、省驻岳单位 whole and splits 各县市区委、人民政府', async () => {
    const { mainRecipients } = await letter('corpus/letters/09-yueyang-yuebanfa-2017-2-zhengwu-gongkai.txt');
    expect(mainRecipients).toEqual(['各县市区委', '人民政府', '岳阳经济技术开发区', '城陵矶新港区', '南湖新区', '屈原管理区', '市直各单位', '中央、省驻岳单位']);
  });

  it('reads a 主送 line ending in traditional characters (直屬機構)', async () => {
    const { mainRecipients } = await letter('corpus/letters/05-panjin-panzhengbanfa-2021-1-renwu-fengong-fanti.txt');
    expect(mainRecipients).toEqual(['各縣、區人民政府', '遼東灣新區', '高新技術產業開發區管委會', '市政府各部門', '直屬機構']);
  });

  it('reads a 主送 that names people or a person', async () => {
    expect((await letter('corpus/letters/08-fuliang-renda-2018-pingyi-tongzhi.txt')).mainRecipients).toEqual(['各位人大代表']);
    expect((await letter('corpus/letters/33-govcn-guobanhan-2005-21-jieshui-fuhan.txt')).mainRecipients).toEqual(['马万祺副主席']);
  });

  it('keeps 各省、自治區、直轄市環境保護局（廳） of a 抄送 in traditional characters whole', async () => {
    const { copyTo } = await letter('public/13-sepa-2007-huanfa-163-wuzhong-ziyuan-big5.txt');
    expect(copyTo).toContain('各省、自治區、直轄市環境保護局（廳）');
    expect(copyTo).not.toContain('自治區');
  });
});

describe('deadlines as consultations write them', () => {
  it('a period under the heading 一、征集时间 ends on the deadline', async () => {
    expect((await letter('corpus/letters/17-wudang-2022-shijian-shishi-zhengji-gonggao.txt')).deadline).toBe('2022-11-30');
  });

  it('即日起至12月15日 takes the year of the 成文日期', async () => {
    expect((await letter('corpus/letters/18-changle-zhengxie-2019-tian-xiansuo-gonggao.txt')).deadline).toBe('2019-12-15');
  });

  it('a sentence that asks twice (2月3日前报送分管市领导…后于2月7日前报送市政府) gives the date the sender gets', async () => {
    expect((await letter('corpus/letters/05-panjin-panzhengbanfa-2021-1-renwu-fengong-fanti.txt')).deadline).toBe('2021-02-07');
  });
});

describe('a consultation page that runs body, 附件, office and date together', () => {
  it('finds the attachment without its file name’s 《》 and .doc, the office and the date', async () => {
    const found = await letter('corpus/letters/01-qingyuan-zrgh-2024-jinliequ-tonggao-zqyj.txt');
    expect(found.attachmentNotes.map((note) => note.title)).toEqual(['庆元县人民政府关于发布陆生野生动物禁猎区和禁猎期的通告（2024年征求意见稿）']);
    expect(found.signature).toBe('庆元县自然资源和规划局');
    expect(found.date).toBe('2024-01-30');
  });
});

describe('contacts and tasks', () => {
  it('reads 聯系人:樸勇智,聯系電話:2805093 in traditional characters', async () => {
    const { contacts } = await letter('corpus/letters/05-panjin-panzhengbanfa-2021-1-renwu-fengong-fanti.txt');
    expect(contacts.map((contact) => [contact.name, contact.phones])).toEqual([['樸勇智', ['2805093']]]);
  });

  it('reads 〔责任单位:…按职责分工负责。具体任务…〕 as the units before 按职责分工负责', async () => {
    expect(await unitsOf('public/11-sichuan-fgw-2022-liutong-tixi-shishifangan.txt', '一')).toEqual(['省发展改革委', '省市场监管局', '商务厅', '省大数据中心']);
  });

  it('reads （税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同） without the remark', async () => {
    expect(await unitsOf('corpus/letters/22-govcn-guofa-2019-3-zonghe-baoshuiqu.txt', '1')).toEqual(['税务总局', '财政部', '海关总署']);
  });
});

describe('letters from offices the parser was not written for (tune letters 38–48)', () => {
  it('drops the pinyin a converting mirror puts after a character: 各鎮(zhèn)人民政府, 聯(lián)系人', async () => {
    expect((await letter('corpus/letters/41-panshan-2016-chuangwei-renwu-fenjie-fanti.txt')).mainRecipients).toEqual(['各鎮人民政府', '縣政府各有關部門']);
    const { contacts } = await letter('corpus/letters/44-guangde-yjj-2024-senlin-jinhuoling-zqyj-fanti.txt');
    expect(contacts.map((contact) => [contact.name, contact.phones])).toEqual([['孫曉彬', ['0563-6031119']]]);
  });

  it('drops only pinyin: a file type, an English word or a unit in brackets stays', () => {
    const normalized = (text: string) => normalizeText(MappedText.at(text, { line: 1, column: 1 })).text;
    expect(normalized('自治(zhi)區縣局(ju)(ju)')).toBe('自治區縣局');
    expect(normalized('附件(doc)、政府网站(gov)、市民政局(单位)')).toBe('附件（doc）、政府网站（gov）、市民政局（单位）');
  });

  it('reads 附：1、….docx and 2、….docx as the 附件说明', async () => {
    const { attachmentNotes } = await letter('corpus/letters/41-panshan-2016-chuangwei-renwu-fenjie-fanti.txt');
    expect(attachmentNotes.map((note) => note.title)).toEqual(['創建國家衛生城市目標任務分解和分值責任細則', '縣各單位創城主要工作任務']);
  });

  it('reads an 附件 line a page puts under the date, and 征求意见截止日期：…', async () => {
    const found = await letter('corpus/letters/38-wuhan-fgw-2020-zhengfu-touzi-tiaoli-zqyj.txt');
    expect(found.attachmentNotes.map((note) => note.title)).toEqual(['市人民政府关于贯彻落实政府投资条例的实施意见']);
    expect(found.deadline).toBe('2021-03-26');
    expect(found.date).toBe('2020-03-15');
  });

  it('keeps the letter’s own signature and date when the page carries a second notice after it', async () => {
    const { signature, date, deadline } = await letter('corpus/letters/44-guangde-yjj-2024-senlin-jinhuoling-zqyj-fanti.txt');
    expect(signature).toBe('廣德市應急管理局');
    expect(date).toBe('2024-09-11');
    expect(deadline).toBe('2024-10-12');
  });

  it('takes the title from the page’s 名称 row when the copy has no title line, and keeps 各市、特区、区人民政府 whole', async () => {
    const { title, kind, docNumber, mainRecipients } = await letter('corpus/letters/42-liupanshui-2022-10-xinjijian-sannian-xingdong.txt');
    expect(title).toBe('市人民政府办公室关于印发六盘水市新型基础设施建设三年行动方案（2022—2024年）的通知');
    expect(kind).toBe('通知');
    expect(docNumber?.text).toBe('六盘水府办发〔2022〕10号');
    expect(mainRecipients.slice(0, 2)).toEqual(['各市、特区、区人民政府', '六盘水高新区管委会']);
  });

  it('reads 聯系人:程哲 and 聯系電話:… on the next line as one person with a phone, not 聯系電話 as a name', async () => {
    const { contacts } = await letter('corpus/letters/47-panjin-zhengxie-2022-tian-xiansuo-gonggao-fanti.txt');
    expect(contacts.map((contact) => [contact.name, contact.phones])).toEqual([['程哲', ['2834366']]]);
  });

  it('leaves the web page’s column (政务服务丨) out of the title', async () => {
    const { title, kind, docNumber } = await letter('corpus/letters/48-jining-jizhengzi-2021-30-shixian-tongquan.txt');
    expect(title).toBe('济宁市人民政府关于持续深化“市县同权”改革的实施意见');
    expect(kind).toBe('意见');
    expect(docNumber?.text).toBe('济政字〔2021〕30号');
  });

  it('reads （…牽頭，…按職責分工負責） in traditional characters: the leads and the units, without the verb', async () => {
    const [task] = (await parse('corpus/letters/45-xianyang-2022-fangguanfu-gongzuo-yaodian-fanti.txt')).tasks;
    expect(task?.number).toBe('1');
    expect(task?.responsibleUnits.map((unit) => [unit.raw, unit.role])).toEqual([
      ['市政府辦公室', '牵头单位'],
      ['市行政審批制度改革工作領導小組辦公室', '牵头单位'],
      ['市級各有關部門及各縣市區政府', '责任单位'],
    ]);
  });

  it('reads 山東省司法廳 above the date as the signature, not as the last line of the 附件 title, and 截止時間為…', async () => {
    const found = await letter('corpus/letters/60-shandong-sft-2020-guizhang-zhiding-chengxu-zqyj-fanti.txt');
    expect(found.signature).toBe('山東省司法廳');
    expect(found.attachmentNotes.map((note) => note.title)).toEqual(['山東省政府規章制定程序規定（修訂草案征求意見稿）']);
    expect(found.deadline).toBe('2020-10-18');
    expect(found.date).toBe('2020-09-18');
  });

  it('takes the end of a 公告時間 range as the deadline', async () => {
    const { deadline } = await letter('corpus/letters/58-qingyuan-sfj-2020-guizhang-xiangmuku-zqyj-fanti.txt');
    expect(deadline).toBe('2020-06-23');
  });

  it('takes the whole title over the page’s heading cut before its 文种', async () => {
    const { title, kind, docNumber } = await letter('corpus/letters/61-pingxiang-pingfubanzi-2013-4-gongwen-zhengqiu-yijian.txt');
    expect(title).toBe('萍乡市人民政府办公室关于加强公文拟制过程中征求意见、沟通协调等工作的通知');
    expect(kind).toBe('通知');
    expect(docNumber?.text).toBe('萍府办字〔2013〕4号');
  });
});
