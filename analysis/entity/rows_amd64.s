//go:build !purego

#include "textflag.h"
#include "go_asm.h"

// The offsets in a wordEntry of its parts: near holds the parts from rowNext
// on, 14 bytes (seven int16) each.
#define SELF wordEntry_self
#define NEXT (wordEntry_near+0*14)
#define PREV (wordEntry_near+1*14)
#define NEXT2 (wordEntry_near+2*14)
#define PREV2 (wordEntry_near+3*14)
#define NEXTLOW (wordEntry_near+4*14)
#define PREVLOW (wordEntry_near+5*14)

// seven lanes of eight: the mask of a row of scores.
DATA rowmask<>+0(SB)/4, $-1
DATA rowmask<>+4(SB)/4, $-1
DATA rowmask<>+8(SB)/4, $-1
DATA rowmask<>+12(SB)/4, $-1
DATA rowmask<>+16(SB)/4, $-1
DATA rowmask<>+20(SB)/4, $-1
DATA rowmask<>+24(SB)/4, $-1
DATA rowmask<>+28(SB)/4, $0
GLOBL rowmask<>+0(SB), RODATA, $32

// SCALE sets Y5 to the scores of the row of sums Y plus the row of acc at
// R10, scaled by Y15: seven lanes read (the eighth 0), eight computed.
#define SCALE(Y) \
	VPMASKMOVD (R10), Y14, Y5 \
	VPADDD Y, Y5, Y5 \
	VCVTDQ2PS Y5, Y5 \
	VMULPS Y15, Y5, Y5

// LOWER sets R to the lowerMask of the case class at R8 and moves R8 to the
// next token's.
#define LOWER(R) \
	XORL R, R \
	MOVBLZX (R8), R12 \
	CMPL R12, $const_cLower \
	SETEQ R \
	NEGL R \
	ADDQ $tokenInfo__size, R8

// func wordRowsEmit(emit *float32, acc *[numTags]int32, ents **wordEntry, cas *uint8, n int, scale float32)
//
// Y0-Y4 hold the sums of the word parts of tokens i-2 to i+2, a window that
// moves one token a step: after step i, no word adds to token i-2, whose
// row is then written (eight floats, the eighth written over by the next
// row; the last row's seven alone). SI, DI and R9 hold the lowerMask of
// tokens i-1, i and i+1 (0 beyond the sentence), R8 points to the case
// class of token i+1.
TEXT ·wordRowsEmit(SB), NOSPLIT, $0-44
	MOVQ emit+0(FP), R11
	MOVQ acc+8(FP), R10
	MOVQ ents+16(FP), DX
	MOVQ cas+24(FP), R8
	MOVQ n+32(FP), CX
	VBROADCASTSS scale+40(FP), Y15
	VMOVDQU rowmask<>+0(SB), Y14
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y4, Y4, Y4
	XORQ BX, BX
	TESTQ CX, CX
	JLE done
	XORQ SI, SI
	LOWER(DI)


loop:
	// The mask of token i+1.
	XORL R9, R9
	LEAQ 1(BX), R12
	CMPQ R12, CX
	JGE masked
	LOWER(R9)

masked:
	MOVQ (DX)(BX*8), AX
	// The word's own sums, to token i.
	VMOVDQU SELF(AX), Y5
	VPADDD Y5, Y2, Y2
	// Those it gives token i+1, the lower-case ones masked.
	VPMOVSXWD NEXT(AX), Y5
	VPMOVSXWD NEXTLOW(AX), Y6
	VMOVD R9, X7
	VPBROADCASTD X7, Y7
	VPAND Y7, Y6, Y6
	VPADDD Y5, Y3, Y3
	VPADDD Y6, Y3, Y3
	// Token i+2.
	VPMOVSXWD NEXT2(AX), Y5
	VPADDD Y5, Y4, Y4
	// Token i-1, as i+1.
	VPMOVSXWD PREV(AX), Y5
	VPMOVSXWD PREVLOW(AX), Y6
	VMOVD SI, X7
	VPBROADCASTD X7, Y7
	VPAND Y7, Y6, Y6
	VPADDD Y5, Y1, Y1
	VPADDD Y6, Y1, Y1
	// Token i-2.
	VPMOVSXWD PREV2(AX), Y5
	VPADDD Y5, Y0, Y0
	// Row i-2 is done from step 2 on.
	CMPQ BX, $2
	JLT shift
	SCALE(Y0)
	VMOVUPS Y5, (R11)
	ADDQ $28, R10
	ADDQ $28, R11

shift:
	MOVL DI, SI
	MOVL R9, DI
	VMOVDQA Y1, Y0
	VMOVDQA Y2, Y1
	VMOVDQA Y3, Y2
	VMOVDQA Y4, Y3
	VPXOR Y4, Y4, Y4
	INCQ BX
	CMPQ BX, CX
	JLT loop

	// Rows n-2 (if n > 1) and n-1 are in Y0 and Y1.
	CMPQ CX, $2
	JLT last
	SCALE(Y0)
	VMOVUPS Y5, (R11)
	ADDQ $28, R10
	ADDQ $28, R11

last:
	SCALE(Y1)
	VPMASKMOVD Y5, Y14, (R11)

done:
	VZEROUPPER
	RET
