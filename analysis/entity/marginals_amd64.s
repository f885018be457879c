//go:build !purego

#include "textflag.h"

// The lanes of forwardSteps and backwardSteps: a row of seven float64s is
// two Y registers, tags 0-3 and tags 4-6 (lane 7 is no tag, and is 0). The
// masks say which lanes a term adds to: the tags a tag before may precede
// (transPreds), or may follow (transSuccs).
DATA fbOB<>+0(SB)/8, $0xffffffffffffffff
DATA fbOB<>+8(SB)/8, $0xffffffffffffffff
DATA fbOB<>+16(SB)/8, $0x0000000000000000
DATA fbOB<>+24(SB)/8, $0xffffffffffffffff
GLOBL fbOB<>(SB), RODATA, $32

DATA fbH1<>+0(SB)/8, $0x0000000000000000
DATA fbH1<>+8(SB)/8, $0xffffffffffffffff
DATA fbH1<>+16(SB)/8, $0x0000000000000000
DATA fbH1<>+24(SB)/8, $0x0000000000000000
GLOBL fbH1<>(SB), RODATA, $32

DATA fbH01<>+0(SB)/8, $0xffffffffffffffff
DATA fbH01<>+8(SB)/8, $0xffffffffffffffff
DATA fbH01<>+16(SB)/8, $0x0000000000000000
DATA fbH01<>+24(SB)/8, $0x0000000000000000
GLOBL fbH01<>(SB), RODATA, $32

DATA fbH12<>+0(SB)/8, $0x0000000000000000
DATA fbH12<>+8(SB)/8, $0xffffffffffffffff
DATA fbH12<>+16(SB)/8, $0xffffffffffffffff
DATA fbH12<>+24(SB)/8, $0x0000000000000000
GLOBL fbH12<>(SB), RODATA, $32

DATA fbRow<>+0(SB)/8, $0xffffffffffffffff
DATA fbRow<>+8(SB)/8, $0xffffffffffffffff
DATA fbRow<>+16(SB)/8, $0xffffffffffffffff
DATA fbRow<>+24(SB)/8, $0x0000000000000000
GLOBL fbRow<>(SB), RODATA, $32

DATA fbL12<>+0(SB)/8, $0x0000000000000000
DATA fbL12<>+8(SB)/8, $0xffffffffffffffff
DATA fbL12<>+16(SB)/8, $0xffffffffffffffff
DATA fbL12<>+24(SB)/8, $0x0000000000000000
GLOBL fbL12<>(SB), RODATA, $32

DATA fbL3<>+0(SB)/8, $0x0000000000000000
DATA fbL3<>+8(SB)/8, $0x0000000000000000
DATA fbL3<>+16(SB)/8, $0x0000000000000000
DATA fbL3<>+24(SB)/8, $0xffffffffffffffff
GLOBL fbL3<>(SB), RODATA, $32

DATA fbH0<>+0(SB)/8, $0xffffffffffffffff
DATA fbH0<>+8(SB)/8, $0x0000000000000000
DATA fbH0<>+16(SB)/8, $0x0000000000000000
DATA fbH0<>+24(SB)/8, $0x0000000000000000
GLOBL fbH0<>(SB), RODATA, $32

DATA expInf<>+0(SB)/8, $0x7FF0000000000000
GLOBL expInf<>(SB), RODATA, $8

// func forwardSteps(alpha, pot, tr *float64, lo, hi int)
//
// The forward pass of marginalsIn from token 0 to token hi-1 (hi >= 1),
// each step normalised, the steps of tokens lo to hi-1 written to alpha
// (rows of 7). For each tag before p in increasing order, its value times
// its transition potentials to every tag (the row p of tr), the lanes of
// the tags it may not precede set to +0 (they add nothing: every term is
// finite and not negative, or was skipped), added to the sums: each lane's
// sum in the order of the tags before, as the Go steps sum; times the
// token's potentials.
TEXT ·forwardSteps(SB), NOSPLIT, $0-40
	MOVQ alpha+0(FP), DI
	MOVQ pot+8(FP), SI
	MOVQ tr+16(FP), BX
	MOVQ lo+24(FP), R9
	MOVQ hi+32(FP), R10
	VMOVUPD fbRow<>(SB), Y15
	// The first token: the start row of tr times its potentials.
	VMOVUPD 392(BX), Y2
	VMASKMOVPD 424(BX), Y15, Y3
	VMULPD 0(SI), Y2, Y2
	VMASKMOVPD 32(SI), Y15, Y4
	VMULPD Y4, Y3, Y3
	// normalized: the sum in the order of the tags, then each divided by
	// it if it is positive and finite.
	VMOVAPD X2, X8
	VPERMILPD $1, X2, X9
	VADDSD X9, X8, X8
	VEXTRACTF128 $1, Y2, X10
	VADDSD X10, X8, X8
	VPERMILPD $1, X10, X9
	VADDSD X9, X8, X8
	VADDSD X3, X8, X8
	VPERMILPD $1, X3, X9
	VADDSD X9, X8, X8
	VEXTRACTF128 $1, Y3, X10
	VADDSD X10, X8, X8
	VXORPD X9, X9, X9
	VUCOMISD X9, X8
	JBE  f0
	VUCOMISD expInf<>(SB), X8
	JAE  f0
	VBROADCASTSD X8, Y8
	VDIVPD Y8, Y2, Y2
	VDIVPD Y8, Y3, Y3
f0:
	VMOVAPD Y2, Y0
	VMOVAPD Y3, Y1
	XORQ CX, CX
	JMP  fstore

floop:
	ADDQ $56, SI
	VMASKMOVPD 32(SI), Y15, Y13
	// The tag before 0.
	VPERMPD $0x00, Y0, Y6
	VMULPD 0(BX), Y6, Y2
	VMULPD 32(BX), Y6, Y3
	VANDPD fbOB<>(SB), Y2, Y2
	VANDPD fbH1<>(SB), Y3, Y3
	// The tag before 1.
	VPERMPD $0x55, Y0, Y6
	VMULPD 56(BX), Y6, Y4
	VMULPD 88(BX), Y6, Y5
	VANDPD fbH1<>(SB), Y5, Y5
	VADDPD Y4, Y2, Y2
	VADDPD Y5, Y3, Y3
	// The tag before 2.
	VPERMPD $0xAA, Y0, Y6
	VMULPD 112(BX), Y6, Y4
	VMULPD 144(BX), Y6, Y5
	VANDPD fbH1<>(SB), Y5, Y5
	VADDPD Y4, Y2, Y2
	VADDPD Y5, Y3, Y3
	// The tag before 3.
	VPERMPD $0xFF, Y0, Y6
	VMULPD 168(BX), Y6, Y4
	VMULPD 200(BX), Y6, Y5
	VANDPD fbOB<>(SB), Y4, Y4
	VANDPD fbH01<>(SB), Y5, Y5
	VADDPD Y4, Y2, Y2
	VADDPD Y5, Y3, Y3
	// The tag before 4.
	VPERMPD $0x00, Y1, Y6
	VMULPD 224(BX), Y6, Y4
	VMULPD 256(BX), Y6, Y5
	VANDPD fbOB<>(SB), Y4, Y4
	VANDPD fbH01<>(SB), Y5, Y5
	VADDPD Y4, Y2, Y2
	VADDPD Y5, Y3, Y3
	// The tag before 5.
	VPERMPD $0x55, Y1, Y6
	VMULPD 280(BX), Y6, Y4
	VMULPD 312(BX), Y6, Y5
	VANDPD fbOB<>(SB), Y4, Y4
	VANDPD fbH12<>(SB), Y5, Y5
	VADDPD Y4, Y2, Y2
	VADDPD Y5, Y3, Y3
	// The tag before 6.
	VPERMPD $0xAA, Y1, Y6
	VMULPD 336(BX), Y6, Y4
	VMULPD 368(BX), Y6, Y5
	VANDPD fbOB<>(SB), Y4, Y4
	VANDPD fbH12<>(SB), Y5, Y5
	VADDPD Y4, Y2, Y2
	VADDPD Y5, Y3, Y3
	// Times the token's potentials.
	VMULPD 0(SI), Y2, Y2
	VMULPD Y13, Y3, Y3
	// normalized: the sum in the order of the tags, then each divided by
	// it if it is positive and finite.
	VMOVAPD X2, X8
	VPERMILPD $1, X2, X9
	VADDSD X9, X8, X8
	VEXTRACTF128 $1, Y2, X10
	VADDSD X10, X8, X8
	VPERMILPD $1, X10, X9
	VADDSD X9, X8, X8
	VADDSD X3, X8, X8
	VPERMILPD $1, X3, X9
	VADDSD X9, X8, X8
	VEXTRACTF128 $1, Y3, X10
	VADDSD X10, X8, X8
	VXORPD X9, X9, X9
	VUCOMISD X9, X8
	JBE  f1
	VUCOMISD expInf<>(SB), X8
	JAE  f1
	VBROADCASTSD X8, Y8
	VDIVPD Y8, Y2, Y2
	VDIVPD Y8, Y3, Y3
f1:
	VMOVAPD Y2, Y0
	VMOVAPD Y3, Y1

fstore:
	CMPQ CX, R9
	JLT  fnext
	MOVQ CX, AX
	IMULQ $56, AX
	VMOVUPD Y0, 0(DI)(AX*1)
	VMASKMOVPD Y1, Y15, 32(DI)(AX*1)

fnext:
	INCQ CX
	CMPQ CX, R10
	JLT  floop
	VZEROUPPER
	RET

// func backwardSteps(beta, pot, trCol *float64, n, lo, hi int)
//
// The backward pass of marginalsIn from token n-1 down to token lo, each
// step normalised, the steps of tokens lo to hi-1 written to beta (rows of
// 7). For each tag after k in increasing order, its transition potentials
// from every tag (the row k of trCol) times its potential, times its value
// (the Go steps' order), the lanes of the tags it may not follow set to +0,
// added to the sums.
TEXT ·backwardSteps(SB), NOSPLIT, $0-48
	MOVQ beta+0(FP), DI
	MOVQ pot+8(FP), SI
	MOVQ trCol+16(FP), BX
	MOVQ n+24(FP), CX
	MOVQ lo+32(FP), R9
	MOVQ hi+40(FP), R10
	VMOVUPD fbRow<>(SB), Y15
	// The last token: all 1.
	VBROADCASTSD expOne<>(SB), Y0
	VANDPD Y15, Y0, Y1
	DECQ CX
	MOVQ CX, AX
	IMULQ $56, AX
	ADDQ AX, SI
	JMP  bstore

bloop:
	// The tag after 0: its potential, then its step.
	VBROADCASTSD 0(SI), Y6
	VPERMPD $0x00, Y0, Y7
	VMULPD 0(BX), Y6, Y2
	VMULPD Y7, Y2, Y2
	VMULPD 32(BX), Y6, Y3
	VMULPD Y7, Y3, Y3
	// The tag after 1: its potential, then its step.
	VBROADCASTSD 8(SI), Y6
	VPERMPD $0x55, Y0, Y7
	VMULPD 56(BX), Y6, Y4
	VMULPD Y7, Y4, Y4
	VADDPD Y4, Y2, Y2
	VMULPD 88(BX), Y6, Y5
	VMULPD Y7, Y5, Y5
	VADDPD Y5, Y3, Y3
	// The tag after 2: its potential, then its step.
	VBROADCASTSD 16(SI), Y6
	VPERMPD $0xAA, Y0, Y7
	VMULPD 112(BX), Y6, Y4
	VMULPD Y7, Y4, Y4
	VANDPD fbL12<>(SB), Y4, Y4
	VADDPD Y4, Y2, Y2
	// The tag after 3: its potential, then its step.
	VBROADCASTSD 24(SI), Y6
	VPERMPD $0xFF, Y0, Y7
	VMULPD 168(BX), Y6, Y4
	VMULPD Y7, Y4, Y4
	VADDPD Y4, Y2, Y2
	VMULPD 200(BX), Y6, Y5
	VMULPD Y7, Y5, Y5
	VADDPD Y5, Y3, Y3
	// The tag after 4: its potential, then its step.
	VBROADCASTSD 32(SI), Y6
	VPERMPD $0x00, Y1, Y7
	VMULPD 224(BX), Y6, Y4
	VMULPD Y7, Y4, Y4
	VANDPD fbL3<>(SB), Y4, Y4
	VADDPD Y4, Y2, Y2
	VMULPD 256(BX), Y6, Y5
	VMULPD Y7, Y5, Y5
	VANDPD fbH0<>(SB), Y5, Y5
	VADDPD Y5, Y3, Y3
	// The tag after 5: its potential, then its step.
	VBROADCASTSD 40(SI), Y6
	VPERMPD $0x55, Y1, Y7
	VMULPD 280(BX), Y6, Y4
	VMULPD Y7, Y4, Y4
	VADDPD Y4, Y2, Y2
	VMULPD 312(BX), Y6, Y5
	VMULPD Y7, Y5, Y5
	VADDPD Y5, Y3, Y3
	// The tag after 6: its potential, then its step.
	VBROADCASTSD 48(SI), Y6
	VPERMPD $0xAA, Y1, Y7
	VMULPD 368(BX), Y6, Y5
	VMULPD Y7, Y5, Y5
	VANDPD fbH12<>(SB), Y5, Y5
	VADDPD Y5, Y3, Y3
	SUBQ $56, SI
	// normalized: the sum in the order of the tags, then each divided by
	// it if it is positive and finite.
	VMOVAPD X2, X8
	VPERMILPD $1, X2, X9
	VADDSD X9, X8, X8
	VEXTRACTF128 $1, Y2, X10
	VADDSD X10, X8, X8
	VPERMILPD $1, X10, X9
	VADDSD X9, X8, X8
	VADDSD X3, X8, X8
	VPERMILPD $1, X3, X9
	VADDSD X9, X8, X8
	VEXTRACTF128 $1, Y3, X10
	VADDSD X10, X8, X8
	VXORPD X9, X9, X9
	VUCOMISD X9, X8
	JBE  b1
	VUCOMISD expInf<>(SB), X8
	JAE  b1
	VBROADCASTSD X8, Y8
	VDIVPD Y8, Y2, Y2
	VDIVPD Y8, Y3, Y3
b1:
	VMOVAPD Y2, Y0
	VMOVAPD Y3, Y1

bstore:
	CMPQ CX, R10
	JGE  bnext
	MOVQ CX, AX
	IMULQ $56, AX
	VMOVUPD Y0, 0(DI)(AX*1)
	VMASKMOVPD Y1, Y15, 32(DI)(AX*1)

bnext:
	DECQ CX
	CMPQ CX, R9
	JGE  bloop
	VZEROUPPER
	RET

DATA expOne<>+0(SB)/8, $1.0
GLOBL expOne<>(SB), RODATA, $8
