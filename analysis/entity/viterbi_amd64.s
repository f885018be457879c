//go:build !purego

#include "textflag.h"

// The lanes of a step of vitSteps, a tag each (lane 7 is not one): the O
// and B- tags, whose tags before are all of them; those and one inside tag;
// the inside tags alone; the seven tags.
DATA vitOB<>+0(SB)/8, $0xffffffffffffffff
DATA vitOB<>+8(SB)/8, $0xffffffff00000000
DATA vitOB<>+16(SB)/8, $0xffffffff00000000
DATA vitOB<>+24(SB)/8, $0x0000000000000000
GLOBL vitOB<>(SB), RODATA, $32

DATA vitOB2<>+0(SB)/8, $0xffffffffffffffff
DATA vitOB2<>+8(SB)/8, $0xffffffffffffffff
DATA vitOB2<>+16(SB)/8, $0xffffffff00000000
DATA vitOB2<>+24(SB)/8, $0x0000000000000000
GLOBL vitOB2<>(SB), RODATA, $32

DATA vitOB4<>+0(SB)/8, $0xffffffffffffffff
DATA vitOB4<>+8(SB)/8, $0xffffffff00000000
DATA vitOB4<>+16(SB)/8, $0xffffffffffffffff
DATA vitOB4<>+24(SB)/8, $0x0000000000000000
GLOBL vitOB4<>(SB), RODATA, $32

DATA vitOB6<>+0(SB)/8, $0xffffffffffffffff
DATA vitOB6<>+8(SB)/8, $0xffffffff00000000
DATA vitOB6<>+16(SB)/8, $0xffffffff00000000
DATA vitOB6<>+24(SB)/8, $0x00000000ffffffff
GLOBL vitOB6<>(SB), RODATA, $32

DATA vitI2<>+0(SB)/8, $0x0000000000000000
DATA vitI2<>+8(SB)/8, $0x00000000ffffffff
DATA vitI2<>+16(SB)/8, $0x0000000000000000
DATA vitI2<>+24(SB)/8, $0x0000000000000000
GLOBL vitI2<>(SB), RODATA, $32

DATA vitI4<>+0(SB)/8, $0x0000000000000000
DATA vitI4<>+8(SB)/8, $0x0000000000000000
DATA vitI4<>+16(SB)/8, $0x00000000ffffffff
DATA vitI4<>+24(SB)/8, $0x0000000000000000
GLOBL vitI4<>(SB), RODATA, $32

DATA vitI6<>+0(SB)/8, $0x0000000000000000
DATA vitI6<>+8(SB)/8, $0x0000000000000000
DATA vitI6<>+16(SB)/8, $0x0000000000000000
DATA vitI6<>+24(SB)/8, $0x00000000ffffffff
GLOBL vitI6<>(SB), RODATA, $32

DATA vitRow<>+0(SB)/8, $0xffffffffffffffff
DATA vitRow<>+8(SB)/8, $0xffffffffffffffff
DATA vitRow<>+16(SB)/8, $0xffffffffffffffff
DATA vitRow<>+24(SB)/8, $0x00000000ffffffff
GLOBL vitRow<>(SB), RODATA, $32

DATA vitArg1<>+0(SB)/8, $0x0000000100000001
DATA vitArg1<>+8(SB)/8, $0x0000000100000001
DATA vitArg1<>+16(SB)/8, $0x0000000100000001
DATA vitArg1<>+24(SB)/8, $0x0000000100000001
GLOBL vitArg1<>(SB), RODATA, $32

DATA vitArg2<>+0(SB)/8, $0x0000000200000002
DATA vitArg2<>+8(SB)/8, $0x0000000200000002
DATA vitArg2<>+16(SB)/8, $0x0000000200000002
DATA vitArg2<>+24(SB)/8, $0x0000000200000002
GLOBL vitArg2<>(SB), RODATA, $32

DATA vitArg3<>+0(SB)/8, $0x0000000300000003
DATA vitArg3<>+8(SB)/8, $0x0000000300000003
DATA vitArg3<>+16(SB)/8, $0x0000000300000003
DATA vitArg3<>+24(SB)/8, $0x0000000300000003
GLOBL vitArg3<>(SB), RODATA, $32

DATA vitArg4<>+0(SB)/8, $0x0000000400000004
DATA vitArg4<>+8(SB)/8, $0x0000000400000004
DATA vitArg4<>+16(SB)/8, $0x0000000400000004
DATA vitArg4<>+24(SB)/8, $0x0000000400000004
GLOBL vitArg4<>(SB), RODATA, $32

DATA vitArg5<>+0(SB)/8, $0x0000000500000005
DATA vitArg5<>+8(SB)/8, $0x0000000500000005
DATA vitArg5<>+16(SB)/8, $0x0000000500000005
DATA vitArg5<>+24(SB)/8, $0x0000000500000005
GLOBL vitArg5<>(SB), RODATA, $32

DATA vitArg6<>+0(SB)/8, $0x0000000600000006
DATA vitArg6<>+8(SB)/8, $0x0000000600000006
DATA vitArg6<>+16(SB)/8, $0x0000000600000006
DATA vitArg6<>+24(SB)/8, $0x0000000600000006
GLOBL vitArg6<>(SB), RODATA, $32

// VITSUMS(p) sets Y3 to the sums of the path of the tag before p (the
// float32 p at R8) and its transitions to every tag (the row p of trans at
// BX, rows of 28 bytes), and Y4 to the lanes where a sum is greater than the
// best so far, Y1 (ordered, as Go's >).
#define VITSUMS(p) \
	VBROADCASTSS (p*4)(R8), Y3 \
	VADDPS (p*28)(BX), Y3, Y3 \
	VCMPPS $0x1E, Y1, Y3, Y4

// VITKEEP(arg) keeps, in the lanes of Y4, the sums Y3 as the best so far, Y1,
// and arg (the tag before, in every lane) as their tags before, Y2.
#define VITKEEP(arg) \
	VBLENDVPS Y4, Y3, Y1, Y1 \
	VBLENDVPS Y4, arg, Y2, Y2

// VITSTEP(p, mask, arg) is the step of the tag before p, whose tag number is
// arg: its sums kept where they are greater, in the lanes of mask, the tags
// it may precede that an earlier tag before may precede too.
#define VITSTEP(p, mask, arg) \
	VITSUMS(p) \
	VANDPS mask, Y4, Y4 \
	VITKEEP(arg)

// VITSTEPI(p, inside, arg) is VITSTEP(p, vitOB<>(SB), arg) for a B- tag
// before p, whose inside tag, the lane of inside, it is the first tag before
// of: that lane's sum is kept without comparing.
#define VITSTEPI(p, inside, arg) \
	VITSUMS(p) \
	VANDPS vitOB<>(SB), Y4, Y4 \
	VORPS inside, Y4, Y4 \
	VITKEEP(arg)

// func vitSteps(emit *float32, back *uint8, steps int, trans *float32, p *[8]float32)
//
// The steps of viterbiLead from token 2 on, for small scores, all seven
// tags at once in the lanes of a Y register: for each tag before, in
// increasing order, the sums of its path and its transitions to every tag
// (VADDPS), compared with the best so far (VCMPPS greater, ordered, as Go's
// >) in the lanes of the tags it may precede (transPreds), the first tag
// before of an inside tag taken without comparing, the greater ones kept
// with their tag (VBLENDVPS): the first best, as viterbiLead's comparisons
// find it. The new scores are the best sums plus the token's scores, the
// tags before are written to back (7 bytes a token). p holds the scores of
// the token before the first step, and gets those of the last token.
TEXT ·vitSteps(SB), NOSPLIT, $0-40
	MOVQ emit+0(FP), SI
	MOVQ back+8(FP), DI
	MOVQ steps+16(FP), CX
	MOVQ trans+24(FP), BX
	MOVQ p+32(FP), R8
	VMOVUPS vitRow<>(SB), Y7
	TESTQ CX, CX
	JLE  done

loop:
	// The tag before 0, the first of the O and B- tags.
	VBROADCASTSS 0(R8), Y3
	VADDPS 0(BX), Y3, Y1
	VXORPS Y2, Y2, Y2
	// The tag before 1.
	VITSTEPI(1, vitI2<>(SB), vitArg1<>(SB))
	// The tag before 2.
	VITSTEP(2, vitOB2<>(SB), vitArg2<>(SB))
	// The tag before 3.
	VITSTEPI(3, vitI4<>(SB), vitArg3<>(SB))
	// The tag before 4.
	VITSTEP(4, vitOB4<>(SB), vitArg4<>(SB))
	// The tag before 5.
	VITSTEPI(5, vitI6<>(SB), vitArg5<>(SB))
	// The tag before 6.
	VITSTEP(6, vitOB6<>(SB), vitArg6<>(SB))
	// The token's scores (lane 7 not read).
	VMASKMOVPS 0(SI), Y7, Y5
	VADDPS Y5, Y1, Y0
	VMOVUPS Y0, 0(R8)
	// The tags before, as bytes.
	VEXTRACTI128 $1, Y2, X5
	VPACKUSDW X5, X2, X5
	VPACKUSWB X5, X5, X5
	VMOVQ X5, AX
	MOVL AX, 0(DI)
	SHRQ $32, AX
	MOVW AX, 4(DI)
	SHRQ $16, AX
	MOVB AX, 6(DI)
	ADDQ $28, SI
	ADDQ $7, DI
	DECQ CX
	JNZ  loop

done:
	VZEROUPPER
	RET
