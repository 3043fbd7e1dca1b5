/**
 * The demo issue's photos: pictures drawn by code at seed time (lib/media/generated-photos.ts),
 * placed as a newsroom would. Two of them take the captions the sample pages print (the caption
 * block is attached to the photo, its text kept); two are lead photos the pages' stories get.
 * The alt text says what the drawn picture shows, as alt text must.
 */
export type DemoPhoto = {
  key: string;
  /** The drawing's seed and size. */
  seed: number;
  width: number;
  height: number;
  /** The article: its page and the start of its title. */
  page: number;
  titleStart: string;
  /** A caption block of the article, as printed, to attach the photo to. */
  attachTo?: string;
  /** Lead photo: at the top of the story, in lists and link previews. */
  lead: boolean;
  /** The printed caption of a lead photo that has no caption block. */
  leadCaption?: string;
  /** The library's own caption and credit. */
  caption: string;
  credit: string;
  alt: string;
};

const ALT = "演示用的插画：远山、太阳和山脚下的一排村舍";

export const DEMO_PHOTOS: readonly DemoPhoto[] = [
  {
    key: "tech-action",
    seed: 2403081,
    width: 2400,
    height: 1600,
    page: 1,
    titleStart: "重庆将实施五大行动",
    lead: true,
    leadCaption: "我市加快培育高新技术企业和科技型企业。资料图片",
    caption: "我市加快培育高新技术企业和科技型企业。",
    credit: "资料图片",
    alt: `${ALT}（晴天）`,
  },
  {
    key: "women-forum",
    seed: 2403082,
    width: 2000,
    height: 1333,
    page: 1,
    titleStart: "为妇女参与经济社会发展创造条件",
    lead: true,
    leadCaption: "3月7日，我区召开优秀妇女代表座谈会。记者 张雪 摄",
    caption: "3月7日，我区召开优秀妇女代表座谈会。",
    credit: "记者 张雪 摄",
    alt: `${ALT}（傍晚）`,
  },
  {
    key: "water-project",
    seed: 2403083,
    width: 2400,
    height: 1500,
    page: 1,
    titleStart: "安富普陀村水涵养地项目投用",
    attachTo: "「归园陶居」安富普陀村水涵养地项目",
    lead: true,
    caption: "「归园陶居」安富普陀村水涵养地项目",
    credit: "记者 张泽美 摄",
    alt: `${ALT}（清晨）`,
  },
  {
    key: "science-city",
    seed: 2403084,
    width: 1800,
    height: 1200,
    page: 3,
    titleStart: "荣昌：提升创新能力",
    attachTo: "重庆市畜牧科学院等单位正积极推动荣昌国家畜牧科技城建设。",
    lead: false,
    caption: "重庆市畜牧科学院等单位正积极推动荣昌国家畜牧科技城建设。",
    credit: "图/何君林",
    alt: `${ALT}（午后）`,
  },
];
