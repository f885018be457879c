//go:build !purego

#include "textflag.h"

// The constants of math.Exp's amd64 routine ($GOROOT/src/math/exp_amd64.s),
// written as it writes them.
#define LOG2E 1.4426950408889634073599246810018920
#define LN2U 0.69314718055966295651160180568695068359375
#define LN2L 0.28235290563031577122588448175013436025525412068e-12

DATA expvec<>+0(SB)/8, $0.5
DATA expvec<>+8(SB)/8, $1.0
DATA expvec<>+16(SB)/8, $2.0
DATA expvec<>+24(SB)/8, $1.6666666666666666667e-1
DATA expvec<>+32(SB)/8, $4.1666666666666666667e-2
DATA expvec<>+40(SB)/8, $8.3333333333333333333e-3
DATA expvec<>+48(SB)/8, $1.3888888888888888889e-3
DATA expvec<>+56(SB)/8, $1.9841269841269841270e-4
DATA expvec<>+64(SB)/8, $2.4801587301587301587e-5
DATA expvec<>+72(SB)/8, $LOG2E
DATA expvec<>+80(SB)/8, $LN2U
DATA expvec<>+88(SB)/8, $LN2L
DATA expvec<>+96(SB)/8, $0.0625
DATA expvec<>+104(SB)/4, $0x3FF
DATA expvec<>+112(SB)/8, $-700.0
GLOBL expvec<>+0(SB), RODATA, $120

// EXPREDUCE(c) takes from Y0 and Y8 the exponents Y1 and Y9 times the
// constant at expvec+c (LN2U, then LN2L), fused: a step of the argument's
// reduction, on both halves. Uses Y3.
#define EXPREDUCE(c) \
	VBROADCASTSD expvec<>+c(SB), Y3 \
	VFNMADD231PD Y3, Y1, Y0 \
	VFNMADD231PD Y3, Y9, Y8

// EXPTERM(c, r) is a fused step of the Taylor series by Horner's rule on
// both halves: Y1 = Y1*Y0 + the coefficient at expvec+c, Y9 = Y9*Y8 + it;
// the coefficient is left in r.
#define EXPTERM(c, r) \
	VBROADCASTSD expvec<>+c(SB), r \
	VFMADD213PD r, Y0, Y1 \
	VFMADD213PD r, Y8, Y9

// EXPSQUARE is a step y = y(y+2) on both halves, y = Y0 and Y8, with Y3 =
// 2: 1+y squared, less 1. Uses Y1 and Y9.
#define EXPSQUARE \
	VADDPD Y3, Y0, Y1 \
	VADDPD Y3, Y8, Y9 \
	VMULPD Y1, Y0, Y0 \
	VMULPD Y9, Y8, Y8

// EXP8 sets Y0 and Y8 to e^Y0 and e^Y8, lane by lane, as the fused (FMA)
// path of math.Exp's routine computes it, step for step: the exponent
// rounded to nearest (CVTSD2SL's VCVTPD2DQ), the argument reduced in two
// fused steps, the Taylor series by fused steps, four steps y(y+2) (the last
// fused with the final +1), the exponent put back. The lanes must be in
// [expMin, 0]. The two halves are interleaved; uses Y1-Y4 and Y9-Y10.
#define EXP8 \
	VBROADCASTSD expvec<>+72(SB), Y3 \
	VMULPD Y3, Y0, Y1 \
	VMULPD Y3, Y8, Y9 \
	VCVTPD2DQY Y1, X2 \
	VCVTPD2DQY Y9, X10 \
	VCVTDQ2PD X2, Y1 \
	VCVTDQ2PD X10, Y9 \
	EXPREDUCE(80) \
	EXPREDUCE(88) \
	VBROADCASTSD expvec<>+96(SB), Y3 \
	VMULPD Y3, Y0, Y0 \
	VMULPD Y3, Y8, Y8 \
	VBROADCASTSD expvec<>+64(SB), Y1 \
	VMOVAPD Y1, Y9 \
	EXPTERM(56, Y3) \
	EXPTERM(48, Y3) \
	EXPTERM(40, Y3) \
	EXPTERM(32, Y3) \
	EXPTERM(24, Y3) \
	EXPTERM(0, Y3) \
	EXPTERM(8, Y4) \
	VMULPD Y1, Y0, Y0 \
	VMULPD Y9, Y8, Y8 \
	VBROADCASTSD expvec<>+16(SB), Y3 \
	EXPSQUARE \
	EXPSQUARE \
	EXPSQUARE \
	VADDPD Y3, Y0, Y1 \
	VADDPD Y3, Y8, Y9 \
	VFMADD213PD Y4, Y1, Y0 \
	VFMADD213PD Y4, Y9, Y8 \
	VPBROADCASTD expvec<>+104(SB), X3 \
	VPADDD X3, X2, X2 \
	VPADDD X3, X10, X10 \
	VPMOVZXDQ X2, Y2 \
	VPMOVZXDQ X10, Y10 \
	VPSLLQ $52, Y2, Y2 \
	VPSLLQ $52, Y10, Y10 \
	VMULPD Y2, Y0, Y0 \
	VMULPD Y10, Y8, Y8

// func potRows(pot *float64, emit *float32, n int, temperature float64) int
//
// Each row of 7 scores e (28 bytes) gives a row of 7 potentials (56 bytes):
// its best score hi (VMAXPS: the scores are finite), x = float64(e-hi) /
// temperature, e^x by EXP8 on tags 0-3 and 3-6 (tag 3 twice, the same
// value). It stops at the first row with an x below -700 or not a number,
// and returns the number of rows done.
TEXT ·potRows(SB), NOSPLIT, $0-40
	MOVQ pot+0(FP), DI
	MOVQ emit+8(FP), SI
	MOVQ n+16(FP), DX
	VBROADCASTSD temperature+24(FP), Y5
	VBROADCASTSD expvec<>+112(SB), Y6
	XORQ CX, CX

loop:
	CMPQ CX, DX
	JGE  done
	VMOVUPS 0(SI), X0
	VMOVUPS 12(SI), X8
	VMAXPS X8, X0, X2
	VPERMILPS $0x4E, X2, X3
	VMAXPS X3, X2, X2
	VPERMILPS $0xB1, X2, X3
	VMAXPS X3, X2, X2
	VSUBPS X2, X0, X0
	VSUBPS X2, X8, X8
	VCVTPS2PD X0, Y0
	VCVTPS2PD X8, Y8
	VDIVPD Y5, Y0, Y0
	VDIVPD Y5, Y8, Y8
	VCMPPD $0x1D, Y6, Y0, Y1
	VCMPPD $0x1D, Y6, Y8, Y9
	VANDPD Y9, Y1, Y1
	VMOVMSKPD Y1, AX
	CMPL AX, $0xF
	JNE  done
	EXP8
	VMOVUPD Y0, 0(DI)
	VMOVUPD Y8, 24(DI)
	ADDQ $28, SI
	ADDQ $56, DI
	INCQ CX
	JMP  loop

done:
	MOVQ CX, ret+32(FP)
	VZEROUPPER
	RET
