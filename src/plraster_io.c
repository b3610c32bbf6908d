/*
 * plraster_io.c: the text input and output of plraster_wkb, the base type under the
 * raster domain. PostgreSQL requires a type's text I/O to be written in C; this file is
 * all the C plraster has. Everything else (the WKB check, every SQL function) stays in
 * SQL and PL/Python.
 *
 * The value is a varlena holding the raster's WKB bytes, exactly as bytea holds them
 * (binary send/receive stay bytea's own functions).
 *
 * Text form, as PostGIS writes and reads it:
 *   output: the WKB in upper-case hex, no prefix (what PostGIS's raster_out prints);
 *   input:  hex in either case, either bare (PostGIS's form) or after bytea's "\x"
 *           prefix (plraster 0.1.0's text form, still found in its dumps and in the
 *           SQL its plraster-load wrote).
 * The input checks only that the text is a whole number of hex byte pairs; whether the
 * bytes are raster WKB is the raster domain's CHECK.
 *
 * Unlike bytea's input, whitespace is not skipped and bytea's escape format is not read:
 * neither is a raster's text form, and PostGIS does not read them either.
 *
 * An input text cannot hold a NUL byte: PostgreSQL refuses one in a literal, in text
 * and in COPY before the value reaches this function, which reads a C string up to its
 * NUL. The input's length is bounded by the server's 1 GB limit on a text value; the
 * output's length is checked before allocating.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/memutils.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(plraster_wkb_in);
PG_FUNCTION_INFO_V1(plraster_wkb_out);

#define TEXT_FORM_HINT \
	"A raster's text form is its WKB in hex, as ST_AsHexWKB returns it, optionally after \\x."

/* A hex digit's value plus one; 0 for every other byte (one load per character). */
static const unsigned char hex_plus_one[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
};

static void refuse_not_hex(const char *p, size_t pos) pg_attribute_noreturn();

/* Refuse the character at p, at 1-based position pos of the input text. */
static void
refuse_not_hex(const char *p, size_t pos)
{
	/* Quote the whole (possibly multibyte) character, as bytea's input does. */
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("plraster: invalid raster text: not hex at position %zu", pos),
			 errdetail("Found \"%.*s\" where a hex digit was expected.", pg_mblen(p), p),
			 errhint(TEXT_FORM_HINT)));
}

/* plraster_wkb_in(cstring): hex text (bare or after \x) to the WKB bytes. */
Datum
plraster_wkb_in(PG_FUNCTION_ARGS)
{
	const char *text = PG_GETARG_CSTRING(0);
	const char *hex = text;
	size_t		ndigits;
	size_t		nbytes;
	bytea	   *result;
	unsigned char *out;
	size_t		i;

	if (hex[0] == '\\' && hex[1] == 'x')
		hex += 2;
	ndigits = strlen(hex);

	if (ndigits == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("plraster: invalid raster text: empty"),
				 errhint(TEXT_FORM_HINT)));
	if (ndigits % 2 != 0)
	{
		/* Name a character that is not hex first: then the count below is of hex digits. */
		for (i = 0; i < ndigits; i++)
			if (hex_plus_one[(unsigned char) hex[i]] == 0)
				refuse_not_hex(hex + i, hex + i - text + 1);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("plraster: invalid raster text: odd length"),
				 errdetail("The text has %zu hex digits; each byte takes two.", ndigits),
				 errhint(TEXT_FORM_HINT)));
	}

	/*
	 * A text value is at most 1 GB, so this always holds; checked anyway so that the
	 * allocation below can never be asked for more than the server allows.
	 */
	nbytes = ndigits / 2;
	if (nbytes > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("plraster: raster text too long"),
				 errdetail("The text would decode to %zu bytes; the limit is %zu.",
						   nbytes, (size_t) (MaxAllocSize - VARHDRSZ))));

	/* Decoded and checked in one pass; on an error the server frees this with the
	 * memory context of the call. */
	result = (bytea *) palloc(nbytes + VARHDRSZ);
	SET_VARSIZE(result, nbytes + VARHDRSZ);
	out = (unsigned char *) VARDATA(result);
	for (i = 0; i < nbytes; i++)
	{
		const char *pair = hex + 2 * i;
		int			hi = hex_plus_one[(unsigned char) pair[0]];
		int			lo = hex_plus_one[(unsigned char) pair[1]];

		if (hi == 0 || lo == 0)
			refuse_not_hex(pair + (hi != 0), pair + (hi != 0) - text + 1);
		out[i] = (unsigned char) (((hi - 1) << 4) | (lo - 1));
	}
	PG_RETURN_BYTEA_P(result);
}

/* plraster_wkb_out(plraster_wkb): the WKB bytes as upper-case hex, PostGIS's text. */
Datum
plraster_wkb_out(PG_FUNCTION_ARGS)
{
	static const char digits[] = "0123456789ABCDEF";
	bytea	   *value = PG_GETARG_BYTEA_PP(0);
	const unsigned char *in = (const unsigned char *) VARDATA_ANY(value);
	size_t		nbytes = VARSIZE_ANY_EXHDR(value);
	char	   *result;
	size_t		i;

	/* Two characters a byte and a NUL: a raster over 512 MB has no text form. */
	if (nbytes > (MaxAllocSize - 1) / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("plraster: raster too large for its text form"),
				 errdetail("A raster of %zu bytes takes %zu hex digits; the limit is %zu.",
						   nbytes, 2 * nbytes, (size_t) (MaxAllocSize - 1)),
				 errhint("Use binary COPY, or ST_AsBinary, which return the bytes.")));

	result = (char *) palloc(2 * nbytes + 1);
	for (i = 0; i < nbytes; i++)
	{
		result[2 * i] = digits[in[i] >> 4];
		result[2 * i + 1] = digits[in[i] & 0x0F];
	}
	result[2 * nbytes] = '\0';

	/* A detoasted copy of a large tile is freed now rather than with the context. */
	PG_FREE_IF_COPY(value, 0);
	PG_RETURN_CSTRING(result);
}
