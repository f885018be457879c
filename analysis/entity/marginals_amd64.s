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

// NORMALIZED(skip) normalises the row in Y2 (tags 0-3) and Y3 (tags 4-6,
// lane 7 +0), as normalized does: the sum of the seven lanes in the order of
// the tags (in X8), then each lane divided by it if it is positive and
// finite; else it jumps to skip with the row as it was. Uses X8-X10.
#define NORMALIZED(skip) \
	VMOVAPD X2, X8 \
	VPERMILPD $1, X2, X9 \
	VADDSD X9, X8, X8 \
	VEXTRACTF128 $1, Y2, X10 \
	VADDSD X10, X8, X8 \
	VPERMILPD $1, X10, X9 \
	VADDSD X9, X8, X8 \
	VADDSD X3, X8, X8 \
	VPERMILPD $1, X3, X9 \
	VADDSD X9, X8, X8 \
	VEXTRACTF128 $1, Y3, X10 \
	VADDSD X10, X8, X8 \
	VXORPD X9, X9, X9 \
	VUCOMISD X9, X8 \
	JBE  skip \
	VUCOMISD expInf<>(SB), X8 \
	JAE  skip \
	VBROADCASTSD X8, Y8 \
	VDIVPD Y8, Y2, Y2 \
	VDIVPD Y8, Y3, Y3

// FWDTERMS(p, lane, half) sets Y4 (tags 0-3) and Y5 (tags 4-6) to the value
// of the tag before p, lane lane (a VPERMPD selector: $0x00, $0x55, $0xAA,
// $0xFF for lanes 0 to 3) of half (Y0 for tags 0-3, Y1 for 4-6), times the
// row p of tr (at BX, rows of 56 bytes). Uses Y6.
#define FWDTERMS(p, lane, half) \
	VPERMPD lane, half, Y6 \
	VMULPD (p*56)(BX), Y6, Y4 \
	VMULPD (p*56+32)(BX), Y6, Y5

// FWDADD adds the terms of a tag before, Y4 and Y5, to the sums Y2 and Y3.
#define FWDADD \
	VADDPD Y4, Y2, Y2 \
	VADDPD Y5, Y3, Y3

// FWDSTEP(p, lane, half, hmask) adds to the sums the terms of the tag before
// p (FWDTERMS), those of tags 4-6 masked with hmask: for a tag before that
// may precede each of tags 0-3.
#define FWDSTEP(p, lane, half, hmask) \
	FWDTERMS(p, lane, half) \
	VANDPD hmask, Y5, Y5 \
	FWDADD

// FWDSTEP2(p, lane, half, lmask, hmask) adds to the sums the terms of the tag
// before p (FWDTERMS), those of tags 0-3 masked with lmask and those of tags
// 4-6 with hmask.
#define FWDSTEP2(p, lane, half, lmask, hmask) \
	FWDTERMS(p, lane, half) \
	VANDPD lmask, Y4, Y4 \
	VANDPD hmask, Y5, Y5 \
	FWDADD

// BWDTAG(k, lane, half) starts the step of the tag after k: Y6 its potential
// (the float64 k of the token's row at SI), Y7 its value, lane lane (a
// VPERMPD selector, as in FWDTERMS) of half.
#define BWDTAG(k, lane, half) \
	VBROADCASTSD (k*8)(SI), Y6 \
	VPERMPD lane, half, Y7

// BWDTERM(off, t) sets t to the transition potentials at off(BX) (a half of
// a row of trCol) times the potential Y6, times the value Y7: the Go steps'
// order.
#define BWDTERM(off, t) \
	VMULPD off(BX), Y6, t \
	VMULPD Y7, t, t

// BWDADD(off, t, sum) adds the term BWDTERM(off, t) to sum.
#define BWDADD(off, t, sum) \
	BWDTERM(off, t) \
	VADDPD t, sum, sum

// BWDSTEP(k, lane, half) is the step of a tag after k that every tag may
// precede (a B- tag): BWDTAG, then the terms of both halves of the row k of
// trCol (rows of 56 bytes) added to the sums Y2 and Y3, unmasked.
#define BWDSTEP(k, lane, half) \
	BWDTAG(k, lane, half) \
	BWDADD((k*56), Y4, Y2) \
	BWDADD((k*56+32), Y5, Y3)

// BWDADDM(off, t, mask, sum) adds the term BWDTERM(off, t) to sum, its lanes
// masked with mask (those of the tags the tag after may not follow set to
// +0).
#define BWDADDM(off, t, mask, sum) \
	BWDTERM(off, t) \
	VANDPD mask, t, t \
	VADDPD t, sum, sum

// STOREROW writes the row Y0 (tags 0-3) and Y1 (tags 4-6) as the row of
// token CX of the rows of 7 float64s at DI, lane 7 not written (the mask
// Y15). Uses AX.
#define STOREROW \
	MOVQ CX, AX \
	IMULQ $56, AX \
	VMOVUPD Y0, 0(DI)(AX*1) \
	VMASKMOVPD Y1, Y15, 32(DI)(AX*1)

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
	NORMALIZED(f0)
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
	FWDSTEP(1, $0x55, Y0, fbH1<>(SB))
	// The tag before 2.
	FWDSTEP(2, $0xAA, Y0, fbH1<>(SB))
	// The tag before 3.
	FWDSTEP2(3, $0xFF, Y0, fbOB<>(SB), fbH01<>(SB))
	// The tag before 4.
	FWDSTEP2(4, $0x00, Y1, fbOB<>(SB), fbH01<>(SB))
	// The tag before 5.
	FWDSTEP2(5, $0x55, Y1, fbOB<>(SB), fbH12<>(SB))
	// The tag before 6.
	FWDSTEP2(6, $0xAA, Y1, fbOB<>(SB), fbH12<>(SB))
	// Times the token's potentials.
	VMULPD 0(SI), Y2, Y2
	VMULPD Y13, Y3, Y3
	NORMALIZED(f1)
f1:
	VMOVAPD Y2, Y0
	VMOVAPD Y3, Y1

fstore:
	CMPQ CX, R9
	JLT  fnext
	STOREROW

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
	BWDTAG(0, $0x00, Y0)
	BWDTERM(0, Y2)
	BWDTERM(32, Y3)
	// The tag after 1: its potential, then its step.
	BWDSTEP(1, $0x55, Y0)
	// The tag after 2: its potential, then its step.
	BWDTAG(2, $0xAA, Y0)
	BWDADDM(112, Y4, fbL12<>(SB), Y2)
	// The tag after 3: its potential, then its step.
	BWDSTEP(3, $0xFF, Y0)
	// The tag after 4: its potential, then its step.
	BWDTAG(4, $0x00, Y1)
	BWDADDM(224, Y4, fbL3<>(SB), Y2)
	BWDADDM(256, Y5, fbH0<>(SB), Y3)
	// The tag after 5: its potential, then its step.
	BWDSTEP(5, $0x55, Y1)
	// The tag after 6: its potential, then its step.
	BWDTAG(6, $0xAA, Y1)
	BWDADDM(368, Y5, fbH12<>(SB), Y3)
	SUBQ $56, SI
	NORMALIZED(b1)
b1:
	VMOVAPD Y2, Y0
	VMOVAPD Y3, Y1

bstore:
	CMPQ CX, R10
	JGE  bnext
	STOREROW

bnext:
	DECQ CX
	CMPQ CX, R9
	JGE  bloop
	VZEROUPPER
	RET

DATA expOne<>+0(SB)/8, $1.0
GLOBL expOne<>(SB), RODATA, $8
