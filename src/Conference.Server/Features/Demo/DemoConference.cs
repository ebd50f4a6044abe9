using Conference.Domain.Programs;

namespace Conference.Server.Features.Demo;

/// <summary>
/// A program modeled on a real event: an online ceremony of a diaspora's solidarity day with
/// about 500 participants from 77 countries and 42 medal recipients. Speaker names other than
/// the host organization's chair are invented for the demo.
/// </summary>
public static class DemoConference
{
    public static readonly Guid Id = new("5d0a1a7e-31de-4c00-9a00-000000000031");
    public const string TimeZone = "Asia/Baku";

    public static ConferenceProgram Build(DateTimeOffset now)
    {
        var program = ConferenceProgram.Create(Id, new ConferenceDetails(
            "Solidarity Day of World Azerbaijanis and New Year: online ceremony",
            "Let's be united, let's come together in solidarity!",
            NextDecember31At15(now),
            TimeZone,
            ["en", "az", "ru", "tr"],
            new Dictionary<string, ConferenceTranslation>
            {
                ["az"] = new("Dünya Azərbaycanlılarının Həmrəyliyi Günü və Yeni il: onlayn mərasim", "Birlikdə olaq, həmrəy olaq!"),
                ["ru"] = new("День солидарности азербайджанцев мира и Новый год: онлайн-церемония", "Будем едины, будем вместе в солидарности!"),
                ["tr"] = new("Dünya Azerbaycanlılarının Dayanışma Günü ve Yeni Yıl: çevrim içi tören", "Birlik olalım, dayanışma içinde bir araya gelelim!"),
            }));

        var revision = program.Revision;
        void Add(SegmentDraft draft) =>
            program.AddSegment(revision++, SegmentId(program.Segments.Count), draft with { Translations = TitlesOf(draft.Title) });

        Add(new SegmentDraft(SegmentKind.Anthem, "National Anthem of the Republic of Azerbaijan",
            Media: Asset("anthem-azerbaijan.mp4", 125)));
        Add(new SegmentDraft(SegmentKind.MinuteOfSilence, "Minute of silence in memory of the martyrs"));
        Add(new SegmentDraft(SegmentKind.VideoScreening, "The Year of Heydar Aliyev: diaspora events around the world",
            Media: Asset("year-of-heydar-aliyev-diaspora.mp4", 420)));
        Add(new SegmentDraft(SegmentKind.Speech, "Address of the Chairman", TimeSpan.FromMinutes(15),
            Speaker: new Speaker("Fuad Muradov", "Chairman of the State Committee on Work with Diaspora", "AZ")));
        Add(new SegmentDraft(SegmentKind.Speech, "Greetings from the community in Germany", TimeSpan.FromMinutes(5),
            Speaker: new Speaker("Leyla Mammadova", "Azerbaijani Cultural Centre, Berlin", "DE")));
        Add(new SegmentDraft(SegmentKind.Speech, "Greetings from the community in Türkiye", TimeSpan.FromMinutes(5),
            Speaker: new Speaker("Orhan Aliyev", "Azerbaijani Society of Istanbul", "TR")));
        Add(new SegmentDraft(SegmentKind.Speech, "Greetings from the community in Canada", TimeSpan.FromMinutes(5),
            Speaker: new Speaker("Samira Hasanova", "Azerbaijani-Canadian Council", "CA")));
        Add(new SegmentDraft(SegmentKind.VideoAppeals, "Congratulatory video appeals from compatriots", TimeSpan.FromMinutes(20),
            Notes: "Producers queue and approve the appeals sent in by diaspora organizations."));
        Add(new SegmentDraft(SegmentKind.MusicalPerformance, "Mugham: a recorded performance",
            Media: Asset("mugham-performance.mp4", 300)));
        Add(new SegmentDraft(SegmentKind.MusicalPerformance, "New Year song, performed live from London", TimeSpan.FromMinutes(4)));
        Add(new SegmentDraft(SegmentKind.AwardsCeremony, "Awarding of the medal", TimeSpan.FromMinutes(30),
            AwardName: "Medal \"For service in diaspora activity\"",
            Notes: "42 compatriots from 24 countries are awarded."));
        Add(new SegmentDraft(SegmentKind.Custom, "Closing words and New Year wishes", TimeSpan.FromMinutes(5)));
        return program;
    }

    /// <summary>The organizer's titles in Azerbaijani, Russian and Turkish; the program's own are in English, its first language.</summary>
    private static Dictionary<string, SegmentTranslation> TitlesOf(string title)
    {
        var (az, ru, tr) = SegmentTitles[title];
        return new() { ["az"] = new(az), ["ru"] = new(ru), ["tr"] = new(tr) };
    }

    private static readonly Dictionary<string, (string Az, string Ru, string Tr)> SegmentTitles = new()
    {
        ["National Anthem of the Republic of Azerbaijan"] =
            ("Azərbaycan Respublikasının Dövlət Himni", "Государственный гимн Азербайджанской Республики", "Azerbaycan Cumhuriyeti İstiklal Marşı"),
        ["Minute of silence in memory of the martyrs"] =
            ("Şəhidlərin xatirəsinə bir dəqiqəlik sükut", "Минута молчания в память о шехидах", "Şehitlerin anısına bir dakikalık saygı duruşu"),
        ["The Year of Heydar Aliyev: diaspora events around the world"] =
            (
                "Heydər Əliyev İli: dünyada diaspor tədbirləri",
                "Год Гейдара Алиева: мероприятия диаспоры в мире",
                "Haydar Aliyev Yılı: dünyada diaspora etkinlikleri"),
        ["Address of the Chairman"] = ("Komitə sədrinin müraciəti", "Обращение председателя", "Başkanın konuşması"),
        ["Greetings from the community in Germany"] =
            ("Almaniyadakı icmadan təbriklər", "Приветствие общины Германии", "Almanya'daki topluluktan tebrikler"),
        ["Greetings from the community in Türkiye"] =
            ("Türkiyədəki icmadan təbriklər", "Приветствие общины Турции", "Türkiye'deki topluluktan tebrikler"),
        ["Greetings from the community in Canada"] =
            ("Kanadadakı icmadan təbriklər", "Приветствие общины Канады", "Kanada'daki topluluktan tebrikler"),
        ["Congratulatory video appeals from compatriots"] =
            ("Soydaşlarımızın təbrik video müraciətləri", "Поздравительные видеообращения соотечественников", "Soydaşlarımızın tebrik video mesajları"),
        ["Mugham: a recorded performance"] = ("Muğam: lentə alınmış ifa", "Мугам: запись выступления", "Mugam: kayıtlı performans"),
        ["New Year song, performed live from London"] =
            ("Yeni il mahnısı, Londondan canlı ifa", "Новогодняя песня, в прямом эфире из Лондона", "Yeni Yıl şarkısı, Londra'dan canlı"),
        ["Awarding of the medal"] = ("Medalın təqdim olunması", "Вручение медали", "Madalya töreni"),
        ["Closing words and New Year wishes"] =
            ("Yekun söz və Yeni il arzuları", "Заключительное слово и новогодние пожелания", "Kapanış konuşması ve Yeni Yıl dilekleri"),
    };

    /// <summary>Solidarity Day is December 31; the ceremony starts at 15:00 in Baku.</summary>
    private static DateTimeOffset NextDecember31At15(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        for (var year = now.Year; ; year++)
        {
            var local = new DateTime(year, 12, 31, 15, 0, 0, DateTimeKind.Unspecified);
            var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (start > now)
            {
                return start.ToUniversalTime();
            }
        }
    }

    private static MediaAsset Asset(string file, int seconds) =>
        new(new Uri("https://media.example.org/solidarity-day/" + file), TimeSpan.FromSeconds(seconds));

    // Stable ids keep demo links (and tests) valid across restarts.
    private static Guid SegmentId(int index) => new($"5d0a1a7e-31de-4c00-9a01-{index:D12}");
}
