import { normalizeText } from '@porthole/kb/format';

/**
 * Function words by language (already folded: lower case, no diacritics). Visitors wrap what
 * they want in them ("how do I …", "kako mogu …", "как мне …"); they count very little at
 * query time. The list lives here, at compile time, and only the words a locale's articles
 * actually contain go into its index — the browser carries no language tables.
 */
const STOPWORDS: Readonly<Record<string, string>> = {
  en: `a about am an and are as at be been but by can could did do does doing for from get got had
    has have how i if in into is it its me my no not of on or our should so than that the their them
    then there these they this to too us was we were what when where which who why will with would
    you your`,
  hr: `a ako ali bi bih bio bila biti da do gdje i ih ili iz ja je jer jesam jos kada kako koja koje
    koji kojim li mi moj moja moje mogu moze na nam nas ne nego ni o od pa po sam se si smo su sto
    sta ti to u uz vam vas za zasto`,
  pl: `a aby ale bo by czy dla do gdzie i ich ja jak jaki jakie jest jestem juz ktora ktore ktory
    mi mnie moge moj moja moje na nie o od po przez sie sa ta tak te to tu w we z za ze zeby`,
  lv: `ar bet bija but es ir ja jus ka kad kur kapec man mans mana mes ne no par pec pie tas ta un
    uz vai var varu`,
  ru: `а без бы был была было в вам вас во вот вы где да для до его ее если есть же за и из или
    им их к как ко когда кто ли мне мой моя мы на не нет о об он она они от по почему при с со
    так то у уже что чтобы это я`,
  el: `α αν απο για δεν εγω ειμαι ειναι η θα και κι μα με μου να ο οι ομως οτι που πως σας σε στη
    στην στο στον στα τα τη την της το τον του των τι`,
  de: `aber als am an auf aus bei bin bis da das dass dem den der des die du ein eine einen einer
    es fur hat ich ihr im in ist ja kann mein meine mich mir mit nicht noch oder sie sind so um und
    uns von vom was wie wir wo zu zum zur`,
  fr: `a au aux avec ce ces comment dans de des du elle en est et il je la le les leur ma mes mon
    ne nous on ou par pas pour qu que qui sa se ses son sur ta te tu un une vos votre vous`,
  es: `a al como con de del el ella en es esta este la las lo los me mi mis no o para pero por que
    se si su sus te tu un una y yo`,
  pt: `a ao aos as com como da das de do dos e ela ele em esta eu meu minha na nao no nos o os ou
    para pelo por que se seu sua um uma voce`,
  it: `a al alla che chi come con da del della di e gli il in io la le lo mi mio mia non per se si
    su tu un una`,
  nl: `aan als bij dat de die dit een en het hoe ik in is je kan met mijn na naar niet of om op te
    tot van voor wat we wij ze zijn`,
};

/** Function words of a locale's language (`pt-BR` → `pt`), or none for other languages. */
export function listStopwords(locale: string): ReadonlySet<string> {
  const language = (locale.split('-')[0] ?? '').toLowerCase();
  const words = STOPWORDS[language === 'sr' || language === 'bs' ? 'hr' : language] ?? '';
  // Folded again so that the list and the index agree even where the list is sloppy (й → и).
  return new Set(words.split(/\s+/).filter(Boolean).map(normalizeText));
}
