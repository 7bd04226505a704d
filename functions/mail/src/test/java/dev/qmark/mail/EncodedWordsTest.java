package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {

    @Test
    void decodesBAndQWords() {
        assertEquals("안녕하세요", EncodedWords.decode("=?UTF-8?B?7JWI64WV7ZWY7IS47JqU?="));
        assertEquals("Café crème", EncodedWords.decode("=?iso-8859-1?q?Caf=E9_cr=E8me?="));
        assertEquals("山田", EncodedWords.decode("=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?="));
    }

    @Test
    void whitespaceBetweenWordsIsDroppedButNotAroundText() {
        assertEquals("Re: 안녕하세요 !", EncodedWords.decode("Re: =?UTF-8?B?7JWI64WV?=  \t =?UTF-8?B?7ZWY7IS47JqU?= !"));
        assertEquals("ab", EncodedWords.decode("=?utf-8?q?a?= =?iso-8859-1?q?b?="));
    }

    @Test
    void languageSuffixAndUnknownCharsetsWork() {
        assertEquals("hi", EncodedWords.decode("=?utf-8*en?q?hi?="));
        assertEquals("안녕", EncodedWords.decode("=?x-unknown?B?7JWI64WV?=")); // falls back to a guess
    }

    @Test
    void brokenWordsStayAsText() {
        assertEquals("=?utf-8?x?abc?=", EncodedWords.decode("=?utf-8?x?abc?="));
        assertEquals("=?utf-8?b?abc", EncodedWords.decode("=?utf-8?b?abc"));
        assertEquals("plain", EncodedWords.decode("plain"));
    }
}
