package dev.qmark.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.mail.InboundMail;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Out-of-office replies in English and Korean, and the return dates they name. */
class OutOfOfficeTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T02:00:00Z");  // Thu 3 Dec, 11:00 in Seoul
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static InboundMail mail(String subject, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new InboundMail("id@x", List.of(), List.of(), "dana@example.com", "Dana", List.of(), List.of(), subject,
                null, "text", null, map, List.of());
    }

    @Test
    void recognisedByHeadersOrTheSubjectsClientsWrite() {
        assertTrue(OutOfOffice.is(mail("Re: ? My parcel", "auto-submitted", "auto-replied")));
        assertTrue(OutOfOffice.is(mail("Automatic reply: ? My parcel")));
        assertTrue(OutOfOffice.is(mail("Out of Office: ? My parcel")));
        assertTrue(OutOfOffice.is(mail("부재중: ? 배송이 늦어요", "x-auto-response-suppress", "All")));
        assertTrue(OutOfOffice.is(mail("자동 회신: ? 배송이 늦어요")));
        assertTrue(OutOfOffice.is(mail("? My parcel", "x-autoreply", "yes")));
    }

    @Test
    void notABounceNorAPersonWritingAboutAbsence() {
        assertFalse(OutOfOffice.is(mail("Undelivered Mail", "content-type", "multipart/report; report-type=delivery-status")));
        assertFalse(OutOfOffice.is(mail("Re: ? My parcel")));
        assertFalse(OutOfOffice.is(mail("Re: ? Are you out of office next week?")));
        assertFalse(OutOfOffice.is(mail("Newsletter", "auto-submitted", "auto-generated")));
    }

    @Test
    void theReturnDateItNamesAt9InTheOwnersZone() {
        assertEquals(at("2026-12-11"), OutOfOffice.returnsAt("I am out of the office until December 10.", RECEIVED, SEOUL));
        assertEquals(at("2026-12-11"), OutOfOffice.returnsAt("Away until Thursday, Dec 10th", RECEIVED, SEOUL));
        assertEquals(at("2026-12-14"), OutOfOffice.returnsAt("Back on 2026-12-14.", RECEIVED, SEOUL));
        assertEquals(at("2026-12-14"), OutOfOffice.returnsAt("I'm away from 4 December and back 14 December", RECEIVED, SEOUL));
        assertEquals(at("2026-12-11"), OutOfOffice.returnsAt("12월 10일까지 휴가입니다.", RECEIVED, SEOUL));
        assertEquals(at("2026-12-14"), OutOfOffice.returnsAt("2026년 12월 14일에 복귀합니다.", RECEIVED, SEOUL));
        assertEquals(at("2027-01-05"), OutOfOffice.returnsAt("Back on January 5", RECEIVED, SEOUL), "next year's");
    }

    @Test
    void noDateNoReturn() {
        assertEquals(Optional.empty(), OutOfOffice.returnsAt("I am travelling with limited access to mail.", RECEIVED, SEOUL));
        assertEquals(Optional.empty(), OutOfOffice.returnsAt(null, RECEIVED, SEOUL));
    }

    private static Optional<Instant> at(String date) {
        return Optional.of(java.time.LocalDate.parse(date).atTime(9, 0).atZone(SEOUL).toInstant());
    }
}
