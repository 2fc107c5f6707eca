# Draws activation-distributions.svg from activation-distributions.dat; run `gnuplot activation-distributions.gp` in this folder.
set terminal svg size 940,752 dynamic enhanced font 'Helvetica,10'
set output 'activation-distributions.svg'
set multiplot
set style fill solid 0.7 noborder
set tics font ',9'
set xtics nomirror out scale 0.5 offset 0,0.3
set ytics nomirror out scale 0.5 offset 0.4,0
set key off
set samples 200
set label 'Layer 0' at screen 0.0987,0.9867 center font ',10'
set label 'Layer 1' at screen 0.2194,0.9867 center font ',10'
set label 'Layer 2' at screen 0.3402,0.9867 center font ',10'
set label 'Layer 3' at screen 0.4609,0.9867 center font ',10'
set label 'Layer 4' at screen 0.5816,0.9867 center font ',10'
set label 'Layer 5' at screen 0.7024,0.9867 center font ',10'
set label 'Layer 6' at screen 0.8231,0.9867 center font ',10'
set label 'Layer 7' at screen 0.9439,0.9867 center font ',10'
set label 'Sigmoid' at screen 0.0128,0.9036 center rotate by 90 font ',11'
set label 'Tanh' at screen 0.0128,0.7467 center rotate by 90 font ',11'
set label 'ReLU' at screen 0.0128,0.5898 center rotate by 90 font ',11'
set label 'LeakyReLU' at screen 0.0128,0.4328 center rotate by 90 font ',11'
set label 'ELU' at screen 0.0128,0.2759 center rotate by 90 font ',11'
set label 'Swish' at screen 0.0128,0.1190 center rotate by 90 font ',11'
set label 'output' at screen 0.5213,0.0160 center font ',10'
set lmargin at screen 0.0596
set rmargin at screen 0.1378
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-2.16549397:2.12296462]
set yrange [0:0.935494]
set xtics ("-1" -1, "0" 0, "1" 1)
set ytics ("0" 0, "0.5" 0.5)
plot 'activation-distributions.dat' index 0 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 1 using 1:(0.0005) smooth kdensity bandwidth 0.0967414314 with lines lw 1.5 lc rgb '#08306b'
unset label
set lmargin at screen 0.1803
set rmargin at screen 0.2585
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [0.102892227:0.893115222]
set yrange [0:3.74555]
set xtics ("0.25" 0.25, "0.5" 0.5, "0.75" 0.75)
set ytics ("0" 0, "2" 2)
plot 'activation-distributions.dat' index 2 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 3 using 1:(0.0005) smooth kdensity bandwidth 0.0231426245 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.3011
set rmargin at screen 0.3793
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-1.03023398:0.98604244]
set yrange [0:1.59092]
set xtics ("-0.5" -0.5, "0" 0, "0.5" 0.5)
set ytics ("0" 0, "1" 1)
plot 'activation-distributions.dat' index 4 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 5 using 1:(0.0005) smooth kdensity bandwidth 0.0704812004 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4218
set rmargin at screen 0.5000
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [0.263038754:0.728305459]
set yrange [0:6.35691]
set xtics ("0.4" 0.4, "0.5" 0.5, "0.6" 0.6)
set ytics ("0" 0, "2.5" 2.5, "5" 5)
plot 'activation-distributions.dat' index 6 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 7 using 1:(0.0005) smooth kdensity bandwidth 0.0171781286 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.5426
set rmargin at screen 0.6207
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-0.906463563:1.08886778]
set yrange [0:2.01551]
set xtics ("-0.5" -0.5, "0" 0, "0.5" 0.5)
set ytics ("0" 0, "1" 1, "2" 2)
plot 'activation-distributions.dat' index 8 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 9 using 1:(0.0005) smooth kdensity bandwidth 0.0680036607 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6633
set rmargin at screen 0.7415
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [0.287724048:0.748168409]
set yrange [0:6.8127]
set xtics ("0.4" 0.4, "0.6" 0.6)
set ytics ("0" 0, "2.5" 2.5, "5" 5)
plot 'activation-distributions.dat' index 10 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 11 using 1:(0.0005) smooth kdensity bandwidth 0.016586403 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.7840
set rmargin at screen 0.8622
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-0.871724784:0.843048215]
set yrange [0:2.44871]
set xtics ("-0.5" -0.5, "0" 0, "0.5" 0.5)
set ytics ("0" 0, "1" 1, "2" 2)
plot 'activation-distributions.dat' index 12 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 13 using 1:(0.0005) smooth kdensity bandwidth 0.0632516699 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.9048
set rmargin at screen 0.9830
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [0.29489553:0.699106812]
set yrange [0:10.1516]
set xtics ("0.4" 0.4, "0.5" 0.5, "0.6" 0.6)
set ytics ("0" 0, "5" 5, "10" 10)
plot 'activation-distributions.dat' index 14 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 15 using 1:(0.0005) smooth kdensity bandwidth 0.0154582731 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.1378
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-8.16202545:9.06085396]
set yrange [0:0.502184]
set xtics ("-5" -5, "0" 0, "5" 5)
set ytics ("0" 0, "0.2" 0.2, "0.4" 0.4)
plot 'activation-distributions.dat' index 16 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 17 using 1:(0.0005) smooth kdensity bandwidth 0.242994288 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.1803
set rmargin at screen 0.2585
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.999999821:1]
set yrange [0:1.47049]
set xtics ("-0.5" -0.5, "0" 0, "0.5" 0.5)
set ytics ("0" 0, "0.5" 0.5, "1" 1)
plot 'activation-distributions.dat' index 18 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 19 using 1:(0.0005) smooth kdensity bandwidth 0.132027955 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.3011
set rmargin at screen 0.3793
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-4.95636368:4.13861656]
set yrange [0:0.628171]
set xtics ("-2.5" -2.5, "0" 0, "2.5" 2.5)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 20 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 21 using 1:(0.0005) smooth kdensity bandwidth 0.175761509 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4218
set rmargin at screen 0.5000
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.999900937:0.999491632]
set yrange [0:0.671329]
set xtics ("-0.5" -0.5, "0" 0, "0.5" 0.5)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 22 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 23 using 1:(0.0005) smooth kdensity bandwidth 0.117926017 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.5426
set rmargin at screen 0.6207
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-2.68245602:3.2541914]
set yrange [0:0.645811]
set xtics ("-2" -2, "0" 0, "2" 2)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 24 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 25 using 1:(0.0005) smooth kdensity bandwidth 0.145489109 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6633
set rmargin at screen 0.7415
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.990687847:0.997022688]
set yrange [0:0.692448]
set xtics ("-0.5" -0.5, "0" 0, "0.5" 0.5)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 26 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 27 using 1:(0.0005) smooth kdensity bandwidth 0.109043482 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.7840
set rmargin at screen 0.8622
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-4.22735262:4.69534588]
set yrange [0:0.31707]
set xtics ("-2" -2, "0" 0, "2" 2)
set ytics ("0" 0, "0.2" 0.2)
plot 'activation-distributions.dat' index 28 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 29 using 1:(0.0005) smooth kdensity bandwidth 0.256833021 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.9048
set rmargin at screen 0.9830
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.999574304:0.999833047]
set yrange [0:1.30721]
set xtics ("-0.5" -0.5, "0" 0, "0.5" 0.5)
set ytics ("0" 0, "0.5" 0.5, "1" 1)
plot 'activation-distributions.dat' index 30 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 31 using 1:(0.0005) smooth kdensity bandwidth 0.152458676 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.1378
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-7.7659874:5.34761429]
set yrange [0:0.609046]
set xtics ("-5" -5, "0" 0)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 32 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 33 using 1:(0.0005) smooth kdensity bandwidth 0.166884228 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.1803
set rmargin at screen 0.2585
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [0:5.34761429]
set yrange [0:7.00452]
set xtics ("2" 2, "4" 4)
set ytics ("0" 0, "2.5" 2.5, "5" 5)
plot 'activation-distributions.dat' index 34 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 35 using 1:(0.0005) smooth kdensity bandwidth 0.070262325 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.3011
set rmargin at screen 0.3793
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-2.93424654:3.83491111]
set yrange [0:1.09981]
set xtics ("-2" -2, "0" 0, "2" 2)
set ytics ("0" 0, "0.5" 0.5, "1" 1)
plot 'activation-distributions.dat' index 36 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 37 using 1:(0.0005) smooth kdensity bandwidth 0.0991623856 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4218
set rmargin at screen 0.5000
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [0:3.83491111]
set yrange [0:6.94851]
set xtics ("1" 1, "2" 2, "3" 3)
set ytics ("0" 0, "2.5" 2.5, "5" 5)
plot 'activation-distributions.dat' index 38 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 39 using 1:(0.0005) smooth kdensity bandwidth 0.0719651131 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.5426
set rmargin at screen 0.6207
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-1.7483139:6.23676491]
set yrange [0:1.04843]
set xtics ("0" 0, "2" 2, "4" 4)
set ytics ("0" 0, "0.5" 0.5, "1" 1)
plot 'activation-distributions.dat' index 40 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 41 using 1:(0.0005) smooth kdensity bandwidth 0.122561276 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6633
set rmargin at screen 0.7415
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [0:6.23676491]
set yrange [0:4.46528]
set xtics ("2" 2, "4" 4)
set ytics ("0" 0, "2" 2, "4" 4)
plot 'activation-distributions.dat' index 42 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 43 using 1:(0.0005) smooth kdensity bandwidth 0.10365881 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.7840
set rmargin at screen 0.8622
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-4.39069128:11.36378]
set yrange [0:0.628946]
set xtics ("0" 0, "5" 5, "10" 10)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 44 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 45 using 1:(0.0005) smooth kdensity bandwidth 0.265507643 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.9048
set rmargin at screen 0.9830
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [0:11.36378]
set yrange [0:2.41893]
set xtics ("5" 5, "10" 10)
set ytics ("0" 0, "1" 1, "2" 2)
plot 'activation-distributions.dat' index 46 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 47 using 1:(0.0005) smooth kdensity bandwidth 0.224099352 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.1378
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-7.72789478:5.65667343]
set yrange [0:0.639354]
set xtics ("-5" -5, "0" 0)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 48 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 49 using 1:(0.0005) smooth kdensity bandwidth 0.167585183 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.1803
set rmargin at screen 0.2585
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.772789478:5.65667343]
set yrange [0:4.28591]
set xtics ("0" 0, "2" 2, "4" 4)
set ytics ("0" 0, "2" 2, "4" 4)
plot 'activation-distributions.dat' index 50 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 51 using 1:(0.0005) smooth kdensity bandwidth 0.0795473981 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.3011
set rmargin at screen 0.3793
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-3.50008249:4.10800457]
set yrange [0:0.980679]
set xtics ("-2" -2, "0" 0, "2" 2)
set ytics ("0" 0, "0.5" 0.5)
plot 'activation-distributions.dat' index 52 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 53 using 1:(0.0005) smooth kdensity bandwidth 0.106194642 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4218
set rmargin at screen 0.5000
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.350008249:4.10800457]
set yrange [0:4.84135]
set xtics ("1" 1, "2" 2, "3" 3)
set ytics ("0" 0, "2" 2, "4" 4)
plot 'activation-distributions.dat' index 54 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 55 using 1:(0.0005) smooth kdensity bandwidth 0.0768513093 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.5426
set rmargin at screen 0.6207
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-2.030267:5.97079086]
set yrange [0:0.936375]
set xtics ("0" 0, "2" 2, "4" 4)
set ytics ("0" 0, "0.5" 0.5)
plot 'activation-distributions.dat' index 56 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 57 using 1:(0.0005) smooth kdensity bandwidth 0.125508543 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6633
set rmargin at screen 0.7415
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.203026697:5.97079086]
set yrange [0:3.78457]
set xtics ("2" 2, "4" 4)
set ytics ("0" 0, "2" 2)
plot 'activation-distributions.dat' index 58 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 59 using 1:(0.0005) smooth kdensity bandwidth 0.105913973 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.7840
set rmargin at screen 0.8622
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-4.51706266:11.0725822]
set yrange [0:0.548175]
set xtics ("0" 0, "5" 5)
set ytics ("0" 0, "0.2" 0.2, "0.4" 0.4)
plot 'activation-distributions.dat' index 60 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 61 using 1:(0.0005) smooth kdensity bandwidth 0.263004378 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.9048
set rmargin at screen 0.9830
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.45170626:11.0725822]
set yrange [0:1.94098]
set xtics ("5" 5, "10" 10)
set ytics ("0" 0, "1" 1)
plot 'activation-distributions.dat' index 62 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 63 using 1:(0.0005) smooth kdensity bandwidth 0.221566424 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.1378
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-9.76700211:6.26631355]
set yrange [0:0.579181]
set xtics ("-5" -5, "0" 0)
set ytics ("0" 0, "0.2" 0.2, "0.4" 0.4)
plot 'activation-distributions.dat' index 64 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 65 using 1:(0.0005) smooth kdensity bandwidth 0.216303967 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.1803
set rmargin at screen 0.2585
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.99994266:6.26631355]
set yrange [0:0.803667]
set xtics ("0" 0, "2" 2, "4" 4)
set ytics ("0" 0, "0.5" 0.5)
plot 'activation-distributions.dat' index 66 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 67 using 1:(0.0005) smooth kdensity bandwidth 0.125368564 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.3011
set rmargin at screen 0.3793
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-6.9297781:6.51066685]
set yrange [0:0.566954]
set xtics ("-5" -5, "0" 0, "5" 5)
set ytics ("0" 0, "0.2" 0.2, "0.4" 0.4)
plot 'activation-distributions.dat' index 68 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 69 using 1:(0.0005) smooth kdensity bandwidth 0.206315262 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4218
set rmargin at screen 0.5000
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.999021769:6.51066685]
set yrange [0:0.749352]
set xtics ("0" 0, "2" 2, "4" 4)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 70 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 71 using 1:(0.0005) smooth kdensity bandwidth 0.145504264 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.5426
set rmargin at screen 0.6207
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-5.51165247:7.07527018]
set yrange [0:0.570786]
set xtics ("0" 0, "5" 5)
set ytics ("0" 0, "0.2" 0.2, "0.4" 0.4)
plot 'activation-distributions.dat' index 72 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 73 using 1:(0.0005) smooth kdensity bandwidth 0.18434367 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6633
set rmargin at screen 0.7415
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.995960593:7.07527018]
set yrange [0:0.733731]
set xtics ("0" 0, "2.5" 2.5, "5" 5)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 74 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 75 using 1:(0.0005) smooth kdensity bandwidth 0.148840227 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.7840
set rmargin at screen 0.8622
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-8.41302776:10.3996515]
set yrange [0:0.293781]
set xtics ("-5" -5, "0" 0, "5" 5)
set ytics ("0" 0, "0.1" 0.1, "0.2" 0.2)
plot 'activation-distributions.dat' index 76 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 77 using 1:(0.0005) smooth kdensity bandwidth 0.335422062 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.9048
set rmargin at screen 0.9830
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.999778032:10.3996515]
set yrange [0:0.699365]
set xtics ("0" 0, "5" 5)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 78 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 79 using 1:(0.0005) smooth kdensity bandwidth 0.25840751 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.1378
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-10.3618393:9.21494007]
set yrange [0:0.499069]
set xtics ("-5" -5, "0" 0, "5" 5)
set ytics ("0" 0, "0.2" 0.2, "0.4" 0.4)
plot 'activation-distributions.dat' index 80 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 81 using 1:(0.0005) smooth kdensity bandwidth 0.215637952 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.1803
set rmargin at screen 0.2585
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.278464556:9.21402264]
set yrange [0:2.9036]
set xtics ("2.5" 2.5, "5" 5, "7.5" 7.5)
set ytics ("0" 0, "1" 1, "2" 2)
plot 'activation-distributions.dat' index 82 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 83 using 1:(0.0005) smooth kdensity bandwidth 0.0832596348 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.3011
set rmargin at screen 0.3793
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-5.10557604:5.6500349]
set yrange [0:0.761626]
set xtics ("-2.5" -2.5, "0" 0, "2.5" 2.5)
set ytics ("0" 0, "0.5" 0.5)
plot 'activation-distributions.dat' index 84 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 85 using 1:(0.0005) smooth kdensity bandwidth 0.155565213 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4218
set rmargin at screen 0.5000
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.278464556:5.63023138]
set yrange [0:1.44524]
set xtics ("2" 2, "4" 4)
set ytics ("0" 0, "0.5" 0.5, "1" 1)
plot 'activation-distributions.dat' index 86 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 87 using 1:(0.0005) smooth kdensity bandwidth 0.109048992 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.5426
set rmargin at screen 0.6207
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-5.72858477:10.6947031]
set yrange [0:0.640031]
set xtics ("0" 0, "5" 5)
set ytics ("0" 0, "0.25" 0.25, "0.5" 0.5)
plot 'activation-distributions.dat' index 88 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 89 using 1:(0.0005) smooth kdensity bandwidth 0.19777703 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6633
set rmargin at screen 0.7415
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.278464556:10.6944609]
set yrange [0:1.38767]
set xtics ("2.5" 2.5, "5" 5, "7.5" 7.5)
set ytics ("0" 0, "0.5" 0.5, "1" 1)
plot 'activation-distributions.dat' index 90 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 91 using 1:(0.0005) smooth kdensity bandwidth 0.153674774 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.7840
set rmargin at screen 0.8622
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-13.6113586:16.4963055]
set yrange [0:0.280258]
set xtics ("-10" -10, "0" 0, "10" 10)
set ytics ("0" 0, "0.1" 0.1, "0.2" 0.2)
plot 'activation-distributions.dat' index 92 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 93 using 1:(0.0005) smooth kdensity bandwidth 0.411676458 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.9048
set rmargin at screen 0.9830
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.278464556:16.4963036]
set yrange [0:1.44705]
set xtics ("5" 5, "10" 10, "15" 15)
set ytics ("0" 0, "0.5" 0.5, "1" 1)
plot 'activation-distributions.dat' index 94 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 95 using 1:(0.0005) smooth kdensity bandwidth 0.292154964 with lines lw 1.5 lc rgb '#08306b'
unset multiplot
unset output
