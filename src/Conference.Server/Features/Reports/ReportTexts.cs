using System.Globalization;
using System.Text.RegularExpressions;

namespace Conference.Server.Features.Reports;

/// <summary>
/// The report page's words in the web app's four languages (az, en, tr, ru), keyed like the web catalogs so a
/// test can check every language has every key. Figures and names from the records are not translated.
/// A word after a number takes the form the number asks for: "{1|country|countries}" picks by argument 1 between
/// English's one and other, "{1|страны|стран|стран}" between Russian's one, few and many; Azerbaijani and Turkish
/// nouns keep one form after a numeral and need no choice.
/// </summary>
public sealed class ReportTexts
{
    public static readonly IReadOnlyList<string> Languages = ["az", "en", "tr", "ru"];

    private static readonly string[] Keys =
    [
        "title", "generated", "countingFrom", "inFigures", "fig.participants", "fig.countries", "fig.peak", "fig.recipients",
        "fig.recipientCountries", "fig.incidents", "program", "programRan", "programOverUnder", "col.segment", "col.planned",
        "col.expected", "col.actual", "col.runs", "col.onAir", "col.overUnder", "chart.minutes", "attendance", "attendanceLine",
        "peakAt", "stayLine", "chart.perMinute", "chart.most", "chart.byCountry", "chart.byRole", "chart.stayed", "awards", "awardLine",
        "col.name", "col.country", "col.citation", "col.outcome", "outcome.presented", "outcome.absent", "outcome.deferred",
        "outcome.notMarked", "deferredBefore", "chart.recipientsByCountry", "appeals", "appealsLine", "col.from", "col.title",
        "col.started", "col.ended", "played", "skipped", "reason.finished", "reason.playedNext", "reason.skipped", "reason.pulledOut",
        "reason.segmentEnded", "chart.appealsByCountry", "media", "mediaLine", "col.to", "col.duration", "col.error", "stillDegraded",
        "unit.h", "unit.min", "unit.s", "role.host", "role.producer", "role.speaker", "role.awardee", "role.attendee",
    ];

    private static readonly Dictionary<string, string[]> Catalog = new(StringComparer.Ordinal)
    {
        ["en"] =
        [
            "Report: {0}", "Post-event report, generated {0} ({1})", "; counting from the last reset at {0}", "In figures", "participants",
            "countries", "at the peak", "recipients", "recipients' countries", "media incidents", "Program", "Planned {0} to {1}; ran {2} to {3}.",
            "Over/under: {0}; end {1} against plan.", "Segment", "Planned", "Expected", "Actual", "Runs", "On air", "Over/under",
            "Planned and actual minutes per segment", "Attendance",
            "{0} {0|person|people} from {1} {1|country|countries} ({2} {2|connection|connections}); at most {3} at once",
            ", at {0}", ". Median stay {0}, average {1}.", "Present at the end of each minute", "most: {0}", "Participants by country",
            "Participants by role", "How long people stayed", "Awards",
            "{0} {0|recipient|recipients} from {1} {1|country|countries}: {2} presented, {3} absent, {4} deferred, {5} not marked "
            + "({6} presented after a deferral).",
            "Name", "Country", "Citation", "Outcome", "presented", "absent", "deferred", "not marked", " (deferred before)",
            "Recipients by country", "Appeals", "{0} played, {1} skipped.", "From", "Title", "Started", "Ended", "played", "skipped",
            "ran to its end", "cut short for the next", "skipped", "pulled out", "ended with the segment", "Appeals by country",
            "Media incidents", "{0} {0|incident|incidents}, degraded for {1} in all.", "To", "Duration", "Error", "still degraded", "h", "min", "s",
            "Hosts", "Producers", "Speakers", "Awardees", "Attendees",
        ],
        ["az"] =
        [
            "Hesabat: {0}", "Tədbirdən sonrakı hesabat, {0} tarixində hazırlanıb ({1})", "; son sıfırlamadan, {0} anından sayılır", "Rəqəmlərlə",
            "iştirakçı", "ölkə", "ən çox eyni anda", "mükafatçı", "mükafatçıların ölkələri", "media nasazlığı", "Proqram",
            "Plan: {0} – {1}; faktiki: {2} – {3}.", "Artıq/əskik: {0}; plana görə son: {1}.", "Seqment", "Plan", "Gözlənilən", "Faktiki",
            "Keçirilmə", "Efirdə", "Artıq/əskik", "Seqmentlər üzrə planlaşdırılan və faktiki dəqiqələr", "İştirak",
            "{1} ölkədən {0} nəfər ({2} qoşulma); eyni anda ən çox {3}", ", {0} anında", ". Median qalma {0}, orta {1}.",
            "Hər dəqiqənin sonunda iştirak edənlər", "ən çox: {0}", "Ölkələr üzrə iştirakçılar", "Rollar üzrə iştirakçılar",
            "İştirakçılar nə qədər qaldı", "Mükafatlar",
            "{1} ölkədən {0} mükafatçı: {2} təqdim edilib, {3} iştirak etməyib, {4} təxirə salınıb, {5} qeyd edilməyib (təxirdən sonra təqdim edilən: {6}).",
            "Ad", "Ölkə", "Əsaslandırma", "Nəticə", "təqdim edilib", "iştirak etməyib", "təxirə salınıb", "qeyd edilməyib", " (əvvəl təxirə salınıb)",
            "Ölkələr üzrə mükafatçılar", "Müraciətlər", "{0} göstərilib, {1} keçilib.", "Kimdən", "Başlıq", "Başlayıb", "Bitib", "göstərilib",
            "keçilib", "sona qədər göstərilib", "növbəti üçün kəsilib", "keçilib", "çıxarılıb", "seqmentlə birgə bitib",
            "Ölkələr üzrə müraciətlər", "Media nasazlıqları", "{0} nasazlıq, cəmi {1} pisləşmə.", "Qədər", "Müddət", "Xəta", "hələ də pisləşib",
            "saat", "dəq", "san", "Aparıcılar", "Prodüserlər", "Məruzəçilər", "Mükafatçılar", "İştirakçılar",
        ],
        ["tr"] =
        [
            "Rapor: {0}", "Etkinlik sonrası rapor, {0} tarihinde oluşturuldu ({1})", "; son sıfırlamadan ({0}) itibaren sayılır", "Rakamlarla",
            "katılımcı", "ülke", "aynı anda en çok", "ödül alan", "ödül alanların ülkeleri", "medya sorunu", "Program",
            "Plan: {0} – {1}; gerçekleşen: {2} – {3}.", "Fazla/eksik: {0}; plana göre bitiş: {1}.", "Bölüm", "Plan", "Beklenen", "Gerçekleşen",
            "Çalıştırma", "Yayında", "Fazla/eksik", "Bölüm başına planlanan ve gerçekleşen dakikalar", "Katılım",
            "{1} ülkeden {0} kişi ({2} bağlantı); aynı anda en çok {3}", ", {0} anında", ". Medyan kalış {0}, ortalama {1}.",
            "Her dakikanın sonunda bulunanlar", "en çok: {0}", "Ülkelere göre katılımcılar", "Rollere göre katılımcılar",
            "Katılımcılar ne kadar kaldı", "Ödüller",
            "{1} ülkeden {0} ödül alan: {2} takdim edildi, {3} gelmedi, {4} ertelendi, {5} işaretlenmedi (ertelemeden sonra takdim edilen: {6}).",
            "Ad", "Ülke", "Gerekçe", "Sonuç", "takdim edildi", "gelmedi", "ertelendi", "işaretlenmedi", " (önce ertelendi)",
            "Ülkelere göre ödül alanlar", "Video mesajlar", "{0} oynatıldı, {1} atlandı.", "Gönderen", "Başlık", "Başladı", "Bitti", "oynatıldı",
            "atlandı", "sonuna kadar oynatıldı", "sıradaki için kesildi", "atlandı", "çıkarıldı", "bölümle birlikte bitti",
            "Ülkelere göre video mesajlar", "Medya sorunları", "{0} sorun, toplam {1} bozulma.", "Bitiş", "Süre", "Hata", "hâlâ bozuk",
            "sa", "dk", "sn", "Sunucular", "Yapımcılar", "Konuşmacılar", "Ödül alanlar", "Katılımcılar",
        ],
        ["ru"] =
        [
            "Отчёт: {0}", "Отчёт после мероприятия, составлен {0} ({1})", "; считается с последнего сброса в {0}", "В цифрах", "участников",
            "стран", "одновременно в пике", "награждённых", "стран награждённых", "сбоев медиа", "Программа",
            "План: {0} – {1}; факт: {2} – {3}.", "Перебор/недобор: {0}; конец относительно плана: {1}.", "Блок", "План", "Ожидалось", "Факт",
            "Запуски", "В эфире", "Перебор/недобор", "Плановые и фактические минуты по блокам", "Посещаемость",
            "{0} {0|человек|человека|человек} из {1} {1|страны|стран|стран} ({2} {2|подключение|подключения|подключений}); "
            + "одновременно не более {3}", ", в {0}", ". Медиана пребывания {0}, в среднем {1}.",
            "Присутствовали в конце каждой минуты", "максимум: {0}", "Участники по странам", "Участники по ролям",
            "Сколько участники оставались", "Награды",
            "{0} {0|награждённый|награждённых|награждённых} из {1} {1|страны|стран|стран}: вручено {2}, отсутствовали {3}, отложено {4}, "
            + "без отметки {5} (вручено после отсрочки: {6}).",
            "Имя", "Страна", "Формулировка", "Итог", "вручено", "отсутствовал", "отложено", "без отметки", " (ранее отложено)",
            "Награждённые по странам", "Видеообращения", "Показано {0}, пропущено {1}.", "От кого", "Название", "Начало", "Конец", "показано",
            "пропущено", "показано до конца", "прервано ради следующего", "пропущено", "снято", "закончилось с блоком",
            "Видеообращения по странам", "Сбои медиа", "Сбоев: {0}, ухудшение всего {1}.", "До", "Длительность", "Ошибка", "ещё продолжается",
            "ч", "мин", "с", "Ведущие", "Продюсеры", "Спикеры", "Награждённые", "Участники",
        ],
    };

    private static readonly Regex Choice = new(@"\{(\d+)\|([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly string[] _texts;

    private ReportTexts(string language, string[] texts)
    {
        Language = language;
        _texts = texts;
    }

    public string Language { get; }

    /// <summary>The texts in the language asked for (its first two letters), or English.</summary>
    public static ReportTexts For(string? language)
    {
        var code = string.IsNullOrEmpty(language) ? "en" : language[..Math.Min(2, language.Length)].ToLowerInvariant();
        return Catalog.TryGetValue(code, out var texts) ? new ReportTexts(code, texts) : new ReportTexts("en", Catalog["en"]);
    }

    /// <summary>Every language's catalog has exactly one text per key (checked by a test, as the web catalogs are).</summary>
    public static IEnumerable<(string Language, int Count)> CatalogSizes() => Catalog.Select(c => (c.Key, c.Value.Length));

    public static int KeyCount => Keys.Length;

    public string this[string key] => _texts[Array.IndexOf(Keys, key) is var i and >= 0 ? i : throw new KeyNotFoundException(key)];

    public string Format(string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var text = Choice.Replace(this[key], m =>
        {
            var forms = m.Groups[2].Value.Split('|');
            var count = Convert.ToInt64(args[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)], CultureInfo.InvariantCulture);
            return forms[Math.Min(PluralForm(Language, count), forms.Length - 1)];
        });
        return string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>How many forms a language's choices give: English one/other, Russian one/few/many, the others one.</summary>
    public static int PluralForms(string language) => language switch { "en" => 2, "ru" => 3, _ => 1 };

    /// <summary>Which of a language's forms a count takes (CLDR's cardinal rules for integers).</summary>
    public static int PluralForm(string language, long count)
    {
        var (last, lastTwo) = (Math.Abs(count) % 10, Math.Abs(count) % 100);
        return language switch
        {
            "en" => count == 1 ? 0 : 1,
            "ru" => last == 1 && lastTwo != 11 ? 0 : last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? 1 : 2,
            _ => 0,
        };
    }

    /// <summary>Texts whose choices do not give their language's number of forms (a test keeps this empty).</summary>
    public static IEnumerable<string> MisshapenChoices() =>
        from language in Catalog
        from text in language.Value
        from Match choice in Choice.Matches(text)
        where choice.Groups[2].Value.Split('|').Length != PluralForms(language.Key)
        select $"{language.Key}: {text}";

    /// <summary>A role as the report lists it: the known ones translated, anything else as recorded.</summary>
    public string Role(string role) => Array.IndexOf(Keys, $"role.{role}") >= 0 ? this[$"role.{role}"] : role;
}
