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
	VBROADCASTSS 4(R8), Y3
	VADDPS 28(BX), Y3, Y3
	VCMPPS $0x1E, Y1, Y3, Y4
	VANDPS vitOB<>(SB), Y4, Y4
	VORPS vitI2<>(SB), Y4, Y4
	VBLENDVPS Y4, Y3, Y1, Y1
	VBLENDVPS Y4, vitArg1<>(SB), Y2, Y2
	// The tag before 2.
	VBROADCASTSS 8(R8), Y3
	VADDPS 56(BX), Y3, Y3
	VCMPPS $0x1E, Y1, Y3, Y4
	VANDPS vitOB2<>(SB), Y4, Y4
	VBLENDVPS Y4, Y3, Y1, Y1
	VBLENDVPS Y4, vitArg2<>(SB), Y2, Y2
	// The tag before 3.
	VBROADCASTSS 12(R8), Y3
	VADDPS 84(BX), Y3, Y3
	VCMPPS $0x1E, Y1, Y3, Y4
	VANDPS vitOB<>(SB), Y4, Y4
	VORPS vitI4<>(SB), Y4, Y4
	VBLENDVPS Y4, Y3, Y1, Y1
	VBLENDVPS Y4, vitArg3<>(SB), Y2, Y2
	// The tag before 4.
	VBROADCASTSS 16(R8), Y3
	VADDPS 112(BX), Y3, Y3
	VCMPPS $0x1E, Y1, Y3, Y4
	VANDPS vitOB4<>(SB), Y4, Y4
	VBLENDVPS Y4, Y3, Y1, Y1
	VBLENDVPS Y4, vitArg4<>(SB), Y2, Y2
	// The tag before 5.
	VBROADCASTSS 20(R8), Y3
	VADDPS 140(BX), Y3, Y3
	VCMPPS $0x1E, Y1, Y3, Y4
	VANDPS vitOB<>(SB), Y4, Y4
	VORPS vitI6<>(SB), Y4, Y4
	VBLENDVPS Y4, Y3, Y1, Y1
	VBLENDVPS Y4, vitArg5<>(SB), Y2, Y2
	// The tag before 6.
	VBROADCASTSS 24(R8), Y3
	VADDPS 168(BX), Y3, Y3
	VCMPPS $0x1E, Y1, Y3, Y4
	VANDPS vitOB6<>(SB), Y4, Y4
	VBLENDVPS Y4, Y3, Y1, Y1
	VBLENDVPS Y4, vitArg6<>(SB), Y2, Y2
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
