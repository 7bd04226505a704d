package dev.qmark.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What mail clients write above a quoted original, language by language: attribution lines
 * (Gmail, Apple Mail, Thunderbird, Outlook.com in each localisation), the keys of Outlook's
 * header block, the words of "-----Original Message-----" and the "Sent from my ..." lines.
 *
 * <p>One entry per language so that adding a language is adding data, not logic; {@link
 * QuoteMarkers} decides how the lines are used. Attribution patterns match a whole stripped line
 * (or two joined, when the client wrapped it) and end in a colon, ASCII or full-width. Verbs are
 * bounded with {@code (?!\p{L})} rather than {@code \b}, which since Java 19 knows only ASCII
 * letters ("escribió", "napisał").
 */
final class QuoteLanguages {

    /** One language's markers. */
    record Language(String tag, List<Pattern> attributions, Set<String> fromKeys, Set<String> otherKeys,
            List<String> separators, List<Pattern> sentFrom) {
    }

    /** Devices and apps named by "sent from" lines that carry no possessive ("Inviato da iPhone"). */
    private static final String DEVICE = "(iphone|ipad|android|galaxy|samsung|outlook|mail|yahoo|gmail|blackberry|"
            + "huawei|xiaomi|pixel|xperia|aol|proton|my ?mail|мобильной|почты|почта|mobile|mobil|móvil|movil|celular|telefoon|"
            + "telefono|telefon|telefonu)(?!\\p{L})";
    /** What may follow the device: a model name, "for Windows", "Mail.ru". */
    private static final String REST = "[\\p{L}\\p{N} ._’'()-]{0,30}";

    static final List<Language> ALL = List.of(
            lang("en")
                    .attribution("On\\s.*\\swrote")
                    .from("from").keys("sent", "date", "to", "subject", "cc")
                    .separators("original message", "original", "forwarded message")
                    .sentFrom("sent from my [\\p{L}\\p{N} ._’'-]{1,30}", "sent from " + DEVICE + REST,
                            "get outlook for (ios|android)\\.?"),
            lang("ko")
                    // Gmail "2026년 11월 23일 (월) 오전 10:00, Jeff <j@x.com>님이 작성:",
                    // Apple "2026. 11. 23. 오전 10:00, Jeff <j@x.com> 작성:", Thunderbird "... 이(가) 쓴 글:"
                    .attribution("\\d{2,4}\\s?[년./\\-].*(작성|쓴 글|보낸 메일)",
                            ".*(님이 작성|님의 글|이\\(가\\) 쓴 글|@\\S+>?\\s?작성)")
                    .from("보낸 사람", "보낸사람", "발신", "발신자", "보낸이")
                    .keys("보낸 날짜", "보낸날짜", "날짜", "받는 사람", "받는사람", "수신", "수신자", "제목", "참조")
                    .separators("원본 메시지", "원본 메일", "원본메일", "원문", "전달된 메시지", "전달 메시지", "전달된 메일", "전달 메일")
                    .sentFrom("[\\p{L}\\p{N} ._-]{1,30}에서 보냄\\.?", "(ios|android)\\s?용 outlook 받기"),
            lang("ja")
                    // Gmail "2026年11月23日(月) 10:00 Jeff <j@x.com>:", Apple "2026/11/23 10:00、Jeff <j@x.com>のメール:",
                    // Thunderbird "2026/11/23 10:00 に Jeff さんは書きました:"
                    .attribution("\\d{4}年\\d{1,2}月\\d{1,2}日.*", ".*\\d.*(のメール|さんは書きました|は書きました|からのメール)")
                    .from("差出人", "送信者").keys("送信日時", "日付", "宛先", "件名", "cc")
                    .separators("元のメッセージ", "転送されたメッセージ", "転送メッセージ")
                    .sentFrom("[\\p{L}\\p{N} ._-]{1,30}から送信\\.?"),
            lang("zh")
                    // Gmail "Jeff <j@x.com> 于2026年11月23日周一 10:00写道：", traditional "... 於 ... 寫道：",
                    // Thunderbird "在 2026/11/23 10:00, Jeff 写道:"
                    .attribution(".*\\d.*(写道|寫道)")
                    .from("发件人", "發件人", "寄件者", "寄件人")
                    .keys("发送时间", "發送時間", "寄件日期", "收件人", "收件者", "主题", "主題", "主旨", "日期", "时间", "抄送",
                            "副本")
                    .separators("原始邮件", "原始郵件", "原始邮件信息", "转发的邮件", "轉寄的郵件")
                    .sentFrom("(发自我的|發自我的|从我的|從我的|我的)[\\p{L}\\p{N} ._-]{1,40}"),
            lang("de")
                    // Gmail "Am Mo., 23. Nov. 2026 um 10:00 Uhr schrieb Jeff <j@x.com>:",
                    // Thunderbird (older) "Jeff <j@x.com> schrieb am 23.11.2026 10:00:"
                    // Yahoo "Am Montag, 23. November 2026, 09:12:00 MEZ hat Jeff <j@x.com> Folgendes geschrieben:"
                    .attribution("Am\\s.*\\sschrieb(?!\\p{L}).{0,120}", ".{1,120}\\sschrieb am\\s.*\\d.*",
                            "Am\\s.*\\shat\\s.*\\sfolgendes geschrieben")
                    .from("von").keys("gesendet", "datum", "an", "betreff", "cc", "kopie")
                    .separators("ursprüngliche nachricht", "weitergeleitete nachricht")
                    .sentFrom("von meinem " + REST, "gesendet von " + DEVICE + REST,
                            "outlook für (ios|android) (beziehen|herunterladen)"),
            lang("fr")
                    // Gmail "Le lun. 23 nov. 2026 à 09:12, X <x@y> a écrit :"
                    .attribution("Le\\s.*\\sa écrit")
                    .from("de").keys("envoyé", "date", "à", "objet", "cc")
                    .separators("message d'origine", "message transféré")
                    .sentFrom("envoyé de mon " + REST, "envoyé depuis " + DEVICE + REST,
                            "obtenir outlook pour (ios|android)"),
            lang("es")
                    // Gmail "El lun, 23 nov 2026 a las 9:12, X (<x@y>) escribió:"
                    .attribution("El\\s.*\\sescribió")
                    .from("de").keys("enviado", "enviado el", "fecha", "para", "asunto", "cc")
                    .separators("mensaje original", "mensaje reenviado")
                    .sentFrom("enviado desde mi " + REST, "enviado desde " + DEVICE + REST,
                            "obtener outlook para (ios|android)"),
            lang("pt")
                    // Gmail "Em seg., 23 de nov. de 2026 às 09:12, X <x@y> escreveu:",
                    // Apple (Portugal) "A 23/11/2026, à(s) 09:12, X <x@y> escreveu:",
                    // Thunderbird (Portugal) "Às 09:12 de 23/11/2026, X escreveu:"
                    .attribution("(Em|A|Às|No dia)\\s.*\\sescreveu")
                    .from("de").keys("enviado", "enviada", "data", "para", "assunto", "cc")
                    .separators("mensagem original", "mensagem encaminhada")
                    .sentFrom("enviado do meu " + REST, "enviado de " + DEVICE + REST,
                            "obter o outlook para (ios|android)"),
            lang("it")
                    // Gmail "Il giorno lun 23 nov 2026 alle ore 09:12 X <x@y> ha scritto:"
                    .attribution("(Il|In data)\\s.*\\sha scritto")
                    .from("da").keys("inviato", "data", "a", "oggetto", "cc")
                    .separators("messaggio originale", "messaggio inoltrato")
                    .sentFrom("inviato da " + DEVICE + REST, "inviato dal mio " + REST,
                            "scarica outlook per (ios|android)"),
            lang("nl")
                    // Gmail "Op ma 23 nov 2026 om 09:12 schreef X <x@y>:",
                    // Apple "Op 23 nov. 2026 om 09:12 heeft X <x@y> het volgende geschreven:"
                    .attribution("Op\\s.*\\sschreef(?!\\p{L}).{0,120}", "Op\\s.*\\shet volgende geschreven")
                    .from("van").keys("verzonden", "datum", "aan", "onderwerp", "cc")
                    .separators("oorspronkelijk bericht", "doorgestuurd bericht")
                    .sentFrom("verzonden (met|vanaf|via) mijn " + REST, "verzonden (met|vanaf|via) " + DEVICE + REST, "outlook voor (ios|android) downloaden"),
            lang("pl")
                    // Gmail "W dniu pon., 23.11.2026 o 09:12 X <x@y> napisał(a):",
                    // Apple "Wiadomość napisana przez X <x@y> w dniu 23.11.2026, o godz. 09:12:",
                    // Thunderbird "W dniu 23.11.2026 o 09:12, X pisze:"
                    .attribution("W dniu\\s.*\\s(napisał(\\(a\\))?|napisała|pisze)",
                            "Wiadomość napisana przez\\s.*\\sw dniu\\s.*")
                    .from("od").keys("wysłano", "wysłane", "data", "do", "temat", "dw")
                    .separators("oryginalna wiadomość", "wiadomość oryginalna", "przekazana wiadomość")
                    .sentFrom("wysłane z (mojego )?" + DEVICE + REST, "pobierz outlook dla (ios|android)"),
            lang("ru")
                    // Gmail "пн, 23 нояб. 2026 г. в 09:12, X <x@y>:" (no verb at all),
                    // Apple "23 нояб. 2026 г., в 09:12, X <x@y> написал(а):", Thunderbird "23.11.2026 09:12, X пишет:"
                    .attribution("(пн|вт|ср|чт|пт|сб|вс),\\s\\d{1,2}\\s\\S{3,6}\\s\\d{4}\\sг\\.,?\\sв\\s\\d{1,2}:\\d{2},\\s.*",
                            ".*\\d.*\\s(написал(\\(а\\))?|написала|пишет)")
                    .from("от").keys("отправлено", "дата", "кому", "тема", "копия")
                    .separators("исходное сообщение", "пересылаемое сообщение", "пересланное сообщение")
                    .sentFrom("отправлено (с|из|со) (моего )?" + DEVICE + REST, "скачайте outlook для (ios|android)"),
            lang("sv")
                    // Gmail "Den mån 23 nov. 2026 kl 09:12 skrev X <x@y>:", Apple "23 nov. 2026 kl. 09:12 skrev X <x@y>:"
                    .attribution("Den\\s.*\\sskrev(?!\\p{L}).{0,120}", "\\d.*\\skl\\.?\\s.*\\sskrev(?!\\p{L}).{0,120}")
                    .from("från").keys("skickat", "datum", "till", "ämne", "kopia")
                    .separators("ursprungligt meddelande", "vidarebefordrat meddelande")
                    .sentFrom("skickat från min " + REST, "skickat från " + DEVICE + REST, "hämta outlook för (ios|android)"),
            lang("tr")
                    // Gmail "X <x@y>, 23 Kas 2026 Pzt, 09:12 tarihinde şunu yazdı:",
                    // Apple "23 Kas 2026 tarihinde 09:12 saatinde, X <x@y> şunları yazdı:",
                    // Thunderbird "23.11.2026 09:12 tarihinde X yazdı:"
                    .attribution(".*\\d.*\\s(şunu|şunları) yazdı", ".*\\d.*\\starihinde\\s.*\\syazdı")
                    .from("kimden").keys("gönderildi", "gönderilme tarihi", "tarih", "kime", "konu", "bilgi")
                    .separators("özgün ileti", "orijinal mesaj", "iletilen ileti")
                    // "iPhone'umdan gönderildi": the suffix ("from my") is what tells it from "Siparişim gönderildi"
                    .sentFrom("[\\p{L}\\p{N} ._-]{1,30}['’]?[uüıi]mdan gönderildi", "ios için outlook'u edinin"),
            lang("vi")
                    // Gmail "Vào Th 2, 23 thg 11, 2026 vào lúc 09:12 X <x@y> đã viết:"
                    .attribution(".*\\d.*\\sđã viết")
                    .from("từ").keys("đã gửi", "ngày", "đến", "chủ đề", "cc")
                    .separators("thư gốc", "tin nhắn gốc", "thư đã chuyển tiếp")
                    .sentFrom("gửi từ (iphone|ipad|android|điện thoại)" + REST, "được gửi từ " + DEVICE + REST),
            lang("da-no")
                    // Danish Gmail "Den man. 23. nov. 2026 kl. 09.12 skrev X <x@y>:", Norwegian "man. 23. nov. 2026 kl. 09:12 skrev ..."
                    .attribution("(Den|På)\\s.*\\sskrev(?!\\p{L}).{0,120}", "\\p{L}{2,4}\\.?\\s\\d.*\\skl\\.?\\s.*\\sskrev(?!\\p{L}).{0,120}")
                    .from("fra").keys("sendt", "dato", "til", "emne", "kopi")
                    .separators("oprindelig meddelelse", "opprinnelig melding", "videresendt meddelelse")
                    .sentFrom("sendt fra min " + REST));

    private QuoteLanguages() {
    }

    private static Builder lang(String tag) {
        return new Builder(tag);
    }

    /** Builds one entry; patterns are compiled case-insensitively (Unicode case) once. */
    private static final class Builder {
        private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        private final String tag;
        private final List<Pattern> attributions = new ArrayList<>();
        private final Set<String> fromKeys = new HashSet<>();
        private final Set<String> otherKeys = new HashSet<>();
        private final List<String> separators = new ArrayList<>();

        Builder(String tag) {
            this.tag = tag;
        }

        /** Whole-line patterns without the final colon, which is added here (":", " :", "："). */
        Builder attribution(String... patterns) {
            Stream.of(patterns).map(p -> Pattern.compile("^(?:" + p + ")\\s?[:：]$", FLAGS)).forEach(attributions::add);
            return this;
        }

        Builder from(String... keys) {
            fromKeys.addAll(lower(keys));
            return this;
        }

        Builder keys(String... keys) {
            otherKeys.addAll(lower(keys));
            return this;
        }

        Builder separators(String... words) {
            separators.addAll(lower(words));
            return this;
        }

        Language sentFrom(String... patterns) {
            return new Language(tag, List.copyOf(attributions), Set.copyOf(fromKeys), Set.copyOf(otherKeys),
                    List.copyOf(separators), Stream.of(patterns).map(p -> Pattern.compile("^(?:" + p + ")$", FLAGS)).toList());
        }

        private static List<String> lower(String... words) {
            return Stream.of(words).map(w -> w.toLowerCase(Locale.ROOT)).toList();
        }
    }
}
